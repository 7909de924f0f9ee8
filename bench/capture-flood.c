/* SPDX-License-Identifier: GPL-2.0-or-later */
/* capture-flood.c - the UDP flood of bench/capture.sh: 64-byte payloads
 * to DST:PORT at PPS packets a second for SECONDS, sent in batches with
 * sendmmsg(2) and paced against the clock.  Prints what it sent and the
 * rate it reached ("sent N packets in S s: R pps").
 *
 *   capture-flood DST PORT PPS SECONDS */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 32

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct sockaddr_in dst;
	struct mmsghdr msgs[BATCH];
	struct iovec iov[BATCH];
	char payload[BATCH][64];
	double pps, secs, t0, t;
	unsigned long long sent = 0;
	int fd, sndbuf = 4 << 20;

	if (argc != 5) {
		fprintf(stderr, "usage: capture-flood DST PORT PPS SECONDS\n");
		return 2;
	}
	memset(&dst, 0, sizeof dst);
	dst.sin_family = AF_INET;
	dst.sin_port = htons((unsigned short)atoi(argv[2]));
	if (inet_pton(AF_INET, argv[1], &dst.sin_addr) != 1) {
		fprintf(stderr, "capture-flood: %s: not an IPv4 address\n", argv[1]);
		return 2;
	}
	pps = atof(argv[3]);
	secs = atof(argv[4]);
	if (pps <= 0 || secs <= 0) {
		fprintf(stderr, "capture-flood: PPS and SECONDS must be > 0\n");
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	/* not connected: ICMP port unreachable must not fail the sends */
	if (fd < 0) {
		perror("capture-flood: socket");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
	memset(msgs, 0, sizeof msgs);
	for (int i = 0; i < BATCH; i++) {
		memset(payload[i], 'a' + i % 26, sizeof payload[i]);
		iov[i].iov_base = payload[i];
		iov[i].iov_len = sizeof payload[i];
		msgs[i].msg_hdr.msg_name = &dst;
		msgs[i].msg_hdr.msg_namelen = sizeof dst;
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	t0 = now();
	for (;;) {
		int n;
		double due;

		t = now();
		if (t - t0 >= secs)
			break;
		/* ahead of the schedule: wait for it */
		due = t0 + (double)(sent + BATCH) / pps;
		if (due > t) {
			struct timespec ts;
			double d = due - t;

			ts.tv_sec = (time_t)d;
			ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9);
			nanosleep(&ts, NULL);
		}
		n = sendmmsg(fd, msgs, BATCH, 0);
		if (n < 0) {
			if (errno == ENOBUFS || errno == EAGAIN || errno == EINTR)
				continue;
			perror("capture-flood: sendmmsg");
			return 1;
		}
		sent += (unsigned)n;
	}
	t = now() - t0;
	printf("sent %llu packets in %.2f s: %.0f pps\n", sent, t,
	       (double)sent / t);
	return 0;
}
