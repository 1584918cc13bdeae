/* main.c — the sxsh program: hands the command line to the dispatcher. */
#include <signal.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	/* Over a file-size limit (ulimit -f) a write fails with EFBIG and is
	 * reported like a full disk, instead of the process dying without a word. */
	signal(SIGXFSZ, SIG_IGN);
	return cli_main(argc, argv);
}
