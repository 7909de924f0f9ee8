/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_capture.c - libFuzzer target for reading capture files (make fuzz).
 *
 * Input: a pcap or pcapng file.  It goes into a memfd, opened by its
 * /proc/self/fd path with capture_open_file() (libpcap's own reader, as
 * `nsviz capture -r` and the UI open a file), read a few packets at a
 * time into a small ring (so packets are also overwritten), and every
 * packet still in the ring is decoded with capture_line(), as the
 * capture view shows it.  A file that does not open must say why. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "capture/capture.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int mfd = -1;
static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct capture_stats st;
	struct capture *c;
	char err[1024];
	int rounds = 0;

	if (mfd < 0) {
		mfd = memfd_create("fuzz-capture", MFD_CLOEXEC);
		if (mfd < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", mfd);
	}
	if (ftruncate(mfd, 0) < 0 ||
	    (size && pwrite(mfd, data, size, 0) != (ssize_t)size)) {
		perror("fuzz_capture: memfd");
		abort();
	}
	err[0] = '\0';
	c = capture_open_file(path, NULL, 8, err, sizeof err);
	if (!c) {
		if (!err[0]) {
			fprintf(stderr, "fuzz_capture: no message\n");
			abort();
		}
		return 0;
	}
	(void)capture_linktype(c);
	(void)capture_snaplen(c);
	(void)capture_fd(c);
	while (rounds++ < 1000 && capture_read(c, 3) >= 0) {
		uint64_t first = capture_first(c), next = capture_next(c);

		/* the newest packet first, as a view scrolled to the end */
		for (uint64_t n = next; n > first; n--) {
			struct capture_pkt p;
			const char *line = capture_line(c, n - 1);

			if (!line || !capture_get(c, n - 1, &p)) {
				fprintf(stderr, "fuzz_capture: packet %llu lost\n",
				        (unsigned long long)(n - 1));
				abort();
			}
			(void)strlen(line);
		}
		(void)capture_check(c);
	}
	(void)capture_ended(c);
	capture_get_stats(c, &st);
	capture_close(c);
	return 0;
}
