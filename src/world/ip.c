/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ip.c - the small address helpers the whole program shares. */
#include "world/world.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

bool w_ip_link_local(const struct w_ip *ip)
{
	return ip->family == AF_INET6 && ip->a[0] == 0xfe &&
	       (ip->a[1] & 0xc0) == 0x80;
}

bool w_ip_eq(const struct w_ip *a, const struct w_ip *b)
{
	if (a->family != b->family)
		return false;
	if (a->family == AF_INET)
		return memcmp(a->a, b->a, 4) == 0;
	if (a->family == AF_INET6)
		return memcmp(a->a, b->a, 16) == 0;
	return true;
}

const char *w_ip_str(const struct w_ip *ip, char *buf, size_t len)
{
	if (!ip->family || !inet_ntop(ip->family, ip->a, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

/* Strict: dotted quad with exactly four parts for IPv4 (inet_pton), any
 * valid textual IPv6.  No "10.1" shorthand: learners should see what they
 * typed in the kernel's own words. */
int w_ip_parse(const char *s, struct w_ip *out)
{
	memset(out, 0, sizeof *out);
	if (strchr(s, ':')) {
		if (inet_pton(AF_INET6, s, out->a) != 1)
			return -1;
		out->family = AF_INET6;
		return 0;
	}
	if (inet_pton(AF_INET, s, out->a) != 1)
		return -1;
	out->family = AF_INET;
	return 0;
}
