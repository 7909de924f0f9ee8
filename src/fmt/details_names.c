/* SPDX-License-Identifier: GPL-2.0-or-later */
/* details_names.c - words `ip -d` prints in text and JSON alike: tun's
 * type, a tun owner's user and group names (looked up as ip looks them
 * up, NULL when the system has none: ip prints the number then) and
 * ip's hexstring_n2a of a port or switch id. */
#include "fmt/details.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <sys/types.h>

const char *fmt_tun_type(uint8_t type, char *buf, size_t len)
{
	if (type == 1)          /* IFF_TUN */
		return "tun";
	if (type == 2)          /* IFF_TAP */
		return "tap";
	snprintf(buf, len, "UNKNOWN:%u", type);
	return buf;
}

const char *fmt_uid_name(uint32_t uid)
{
	static char name[256];
	struct passwd pw, *res = NULL;
	char buf[1024];

	if (getpwuid_r((uid_t)uid, &pw, buf, sizeof buf, &res) || !res)
		return NULL;
	snprintf(name, sizeof name, "%s", res->pw_name);
	return name;
}

const char *fmt_gid_name(uint32_t gid)
{
	static char name[256];
	struct group gr, *res = NULL;
	char buf[1024];

	if (getgrgid_r((gid_t)gid, &gr, buf, sizeof buf, &res) || !res)
		return NULL;
	snprintf(name, sizeof name, "%s", res->gr_name);
	return name;
}

/* ip's hexstring_n2a: two lower-case digits a byte */
const char *fmt_hexstring(const uint8_t *p, size_t n, char *buf, size_t len)
{
	size_t k = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && k + 3 <= len; i++, k += 2)
		snprintf(buf + k, len - k, "%02x", p[i]);
	return buf;
}
