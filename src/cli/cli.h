/* cli.h — the command-line dispatcher. */
#ifndef SX_CLI_H
#define SX_CLI_H

/* Parse global options, pick the subcommand from the command table and run
 * it.  Returns the exit status (0 ok, 1 failure, 2 usage error). */
int cli_main(int argc, char **argv);

#endif
