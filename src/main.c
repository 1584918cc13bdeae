/* main.c — the sxsh program: hands the command line to the dispatcher. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
