/* SPDX-License-Identifier: GPL-2.0-or-later */
/* linkfilter.c - which links `ip link show up` and `ip link show type KIND`
 * list (iproute2 6.1's filter.up, filter.kind, filter.slave_kind). */
#include "fmt/fmt.h"

#include <linux/if.h>
#include <string.h>

bool fmt_link_listed(const struct w_link *l, const char *kind, bool up_only)
{
	static const char suffix[] = "_slave";
	size_t n, sl = sizeof suffix - 1;

	if (up_only && !(l->flags & IFF_UP))
		return false;
	if (!kind)
		return true;
	/* ip compares IFLA_INFO_KIND (or IFLA_INFO_SLAVE_KIND for
	 * "KIND_slave") with the word; no linkinfo, no match */
	n = strlen(kind);
	if (n >= sl && strcmp(kind + n - sl, suffix) == 0)
		return (l->d_has & W_D_LINKINFO) && l->slave_kind[0] &&
		       strlen(l->slave_kind) == n - sl &&
		       strncmp(l->slave_kind, kind, n - sl) == 0;
	return (l->d_has & W_D_LINKINFO) && l->kind[0] &&
	       strcmp(l->kind, kind) == 0;
}
