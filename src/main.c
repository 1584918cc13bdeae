/* main.c — the sxsh program: hands the command line to the dispatcher
 * (cli_main starts with platform_init, which sets up signals and the console). */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
