/* SPDX-License-Identifier: GPL-2.0-or-later */
/* json2cmds.c - the tests' door to topo_json_to_cmds (src/topo/fromjson.c):
 * `json2cmds FILE` (- for stdin) prints the commands that make what the
 * `nsviz show --json` document in FILE describes, or the error and exits
 * 1.  Not installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "topo/fromjson.h"
#include "util/sbuf.h"

int main(int argc, char **argv)
{
	struct sbuf in = SBUF_INIT, out = SBUF_INIT;
	char buf[65536], err[1024];
	FILE *f;
	size_t n;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: json2cmds FILE|-\n");
		return 2;
	}
	f = strcmp(argv[1], "-") ? fopen(argv[1], "r") : stdin;
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&in, buf, n);
	if (f != stdin)
		fclose(f);
	rc = topo_json_to_cmds(strcmp(argv[1], "-") ? argv[1] : "stdin",
	                       in.s ? in.s : "", in.len, &out, err, sizeof err);
	if (rc == 0)
		fwrite(out.s ? out.s : "", 1, out.len, stdout);
	else
		fprintf(stderr, "%s\n", err);
	sbuf_free(&in);
	sbuf_free(&out);
	return rc ? 1 : 0;
}
