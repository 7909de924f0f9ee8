/* SPDX-License-Identifier: GPL-2.0-or-later */
/* names.c - numbers to the words iproute2 prints for them.
 *
 * The tables hold what Debian 12's iproute2 6.1 prints with its stock
 * /etc/iproute2 files (rt_protos, rt_scopes, rt_tables, rt_dsfield,
 * group).  Values with no name print as numbers, as ip does.  nsviz does
 * not read /etc/iproute2: its output should not change with a host's
 * local edits, and these are the names a learner meets in tutorials.
 */
#include "fmt/fmt.h"

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

struct numname { int num; const char *name; };

static const char *lookup(const struct numname *t, size_t n, int num)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].num == num)
			return t[i].name;
	return NULL;
}

#define LOOKUP(t, num) lookup((t), sizeof(t) / sizeof((t)[0]), (num))

static const char *name_or_number(const char *name, int num, char *buf,
                                  size_t len)
{
	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%d", num);
	return buf;
}

static const struct numname scopes[] = {
	{ 0, "global" }, { 200, "site" }, { 253, "link" }, { 254, "host" },
	{ 255, "nowhere" },
};

const char *fmt_scope_name(int scope, char *buf, size_t len)
{
	return name_or_number(LOOKUP(scopes, scope), scope, buf, len);
}

/* Checked against `ip route` for every protocol number 0..255. */
static const struct numname protos[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" },
	{ 4, "static" }, { 8, "gated" }, { 9, "ra" }, { 10, "mrt" },
	{ 11, "zebra" }, { 12, "bird" }, { 13, "dnrouted" }, { 14, "xorp" },
	{ 15, "ntk" }, { 16, "dhcp" }, { 18, "keepalived" }, { 42, "babel" },
	{ 99, "openr" }, { 186, "bgp" }, { 187, "isis" }, { 188, "ospf" },
	{ 189, "rip" }, { 192, "eigrp" },
};

const char *fmt_proto_name(int proto, char *buf, size_t len)
{
	return name_or_number(LOOKUP(protos, proto), proto, buf, len);
}

static const struct numname rtypes[] = {
	{ RTN_UNSPEC, "none" }, { RTN_UNICAST, "unicast" },
	{ RTN_LOCAL, "local" }, { RTN_BROADCAST, "broadcast" },
	{ RTN_ANYCAST, "anycast" }, { RTN_MULTICAST, "multicast" },
	{ RTN_BLACKHOLE, "blackhole" }, { RTN_UNREACHABLE, "unreachable" },
	{ RTN_PROHIBIT, "prohibit" }, { RTN_THROW, "throw" },
	{ RTN_NAT, "nat" }, { RTN_XRESOLVE, "xresolve" },
};

const char *fmt_rtype_name(int type, char *buf, size_t len)
{
	return name_or_number(LOOKUP(rtypes, type), type, buf, len);
}

static const struct numname tables[] = {
	{ 0, "unspec" }, { 253, "default" }, { 254, "main" }, { 255, "local" },
};

const char *fmt_table_name(int table, char *buf, size_t len)
{
	return name_or_number(LOOKUP(tables, table), table, buf, len);
}

static const struct numname dsfields[] = {
	{ 0x00, "default" }, { 0x20, "CS1" }, { 0x28, "AF11" },
	{ 0x30, "AF12" }, { 0x38, "AF13" }, { 0x40, "CS2" }, { 0x48, "AF21" },
	{ 0x50, "AF22" }, { 0x58, "AF23" }, { 0x60, "CS3" }, { 0x68, "AF31" },
	{ 0x70, "AF32" }, { 0x78, "AF33" }, { 0x80, "CS4" }, { 0x88, "AF41" },
	{ 0x90, "AF42" }, { 0x98, "AF43" }, { 0xa0, "CS5" }, { 0xb8, "EF" },
	{ 0xc0, "CS6" }, { 0xe0, "CS7" },
};

const char *fmt_dsfield_name(int tos, char *buf, size_t len)
{
	const char *n = LOOKUP(dsfields, tos);

	if (n)
		snprintf(buf, len, "%s", n);
	else
		snprintf(buf, len, "0x%02x", (unsigned)tos);
	return buf;
}

const char *fmt_group_name(int32_t group, char *buf, size_t len)
{
	if (group == 0)
		snprintf(buf, len, "default");
	else
		snprintf(buf, len, "%d", (int)group);
	return buf;
}

const char *fmt_linkmode_name(int mode, char *buf, size_t len)
{
	if (mode == 0)
		snprintf(buf, len, "DEFAULT");
	else if (mode == 1)
		snprintf(buf, len, "DORMANT");
	else
		snprintf(buf, len, "%d", mode);
	return buf;
}

static const char *const operstates[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
	"DORMANT", "UP",
};

/* "?" for values outside IF_OPER_* (ip itself prints "state 0x7"). */
const char *fmt_operstate_name(int state)
{
	if (state < 0 || state >= (int)(sizeof operstates / sizeof *operstates))
		return "?";
	return operstates[state];
}

const char *fmt_family_name(int family)
{
	switch (family) {
	case AF_INET: return "inet";
	case AF_INET6: return "inet6";
	case AF_PACKET: return "link";
	case AF_BRIDGE: return "bridge";
	case AF_MPLS: return "mpls";
	default: return "?";
	}
}

const char *fmt_nud_name(unsigned state, char *buf, size_t len)
{
	static const struct { unsigned bit; const char *name; } nud[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	if (state == NUD_NONE) {
		snprintf(buf, len, "NONE");
		return buf;
	}
	for (size_t i = 0; i < sizeof nud / sizeof *nud; i++) {
		if (!(state & nud[i].bit))
			continue;
		state &= ~nud[i].bit;
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s",
			                         used ? " " : "", nud[i].name);
	}
	if (state && used < len)
		snprintf(buf + used, len - used, "%s0x%x", used ? " " : "", state);
	return buf;
}

/* ---- link-layer addresses --------------------------------------------- */

const char *fmt_mac(const uint8_t *a, int len, char *buf, size_t buflen)
{
	size_t used = 0;

	if (buflen)
		buf[0] = '\0';
	for (int i = 0; i < len && used < buflen; i++)
		used += (size_t)snprintf(buf + used, buflen - used,
		                         i ? ":%02x" : "%02x", a[i]);
	return buf;
}

const char *fmt_lladdr(const uint8_t *a, int len, unsigned arptype,
                       char *buf, size_t buflen)
{
	if (len == 4 && (arptype == ARPHRD_TUNNEL || arptype == ARPHRD_SIT ||
	                 arptype == ARPHRD_IPGRE))
		return inet_ntop(AF_INET, a, buf, (socklen_t)buflen) ? buf : "?";
	if (len == 16 && (arptype == ARPHRD_TUNNEL6 ||
	                  arptype == ARPHRD_IP6GRE))
		return inet_ntop(AF_INET6, a, buf, (socklen_t)buflen) ? buf : "?";
	return fmt_mac(a, len, buf, buflen);
}

static const struct numname arphrds[] = {
	{ ARPHRD_NETROM, "netrom" }, { ARPHRD_ETHER, "ether" },
	{ ARPHRD_EETHER, "eether" }, { ARPHRD_AX25, "ax25" },
	{ ARPHRD_PRONET, "pronet" }, { ARPHRD_CHAOS, "chaos" },
	{ ARPHRD_IEEE802, "ieee802" }, { ARPHRD_ARCNET, "arcnet" },
	{ ARPHRD_APPLETLK, "atalk" }, { ARPHRD_DLCI, "dlci" },
	{ ARPHRD_ATM, "atm" }, { ARPHRD_METRICOM, "metricom" },
	{ ARPHRD_IEEE1394, "ieee1394" }, { ARPHRD_INFINIBAND, "infiniband" },
	{ ARPHRD_SLIP, "slip" }, { ARPHRD_CSLIP, "cslip" },
	{ ARPHRD_SLIP6, "slip6" }, { ARPHRD_CSLIP6, "cslip6" },
	{ ARPHRD_RSRVD, "rsrvd" }, { ARPHRD_ADAPT, "adapt" },
	{ ARPHRD_ROSE, "rose" }, { ARPHRD_X25, "x25" },
	{ ARPHRD_HWX25, "hwx25" }, { ARPHRD_CAN, "can" },
	{ ARPHRD_PPP, "ppp" }, { ARPHRD_HDLC, "hdlc" },
	{ ARPHRD_LAPB, "lapb" }, { ARPHRD_DDCMP, "ddcmp" },
	{ ARPHRD_RAWHDLC, "rawhdlc" }, { ARPHRD_TUNNEL, "ipip" },
	{ ARPHRD_TUNNEL6, "tunnel6" }, { ARPHRD_FRAD, "frad" },
	{ ARPHRD_SKIP, "skip" }, { ARPHRD_LOOPBACK, "loopback" },
	{ ARPHRD_LOCALTLK, "ltalk" }, { ARPHRD_FDDI, "fddi" },
	{ ARPHRD_BIF, "bif" }, { ARPHRD_SIT, "sit" },
	{ ARPHRD_IPDDP, "ip/ddp" }, { ARPHRD_IPGRE, "gre" },
	{ ARPHRD_PIMREG, "pimreg" }, { ARPHRD_HIPPI, "hippi" },
	{ ARPHRD_ASH, "ash" }, { ARPHRD_ECONET, "econet" },
	{ ARPHRD_IRDA, "irda" }, { ARPHRD_FCPP, "fcpp" },
	{ ARPHRD_FCAL, "fcal" }, { ARPHRD_FCPL, "fcpl" },
	{ ARPHRD_FCFABRIC, "fcfb0" }, { ARPHRD_IEEE802_TR, "tr" },
	{ ARPHRD_IEEE80211, "ieee802.11" },
	{ ARPHRD_IEEE80211_PRISM, "ieee802.11/prism" },
	{ ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap" },
	{ ARPHRD_IEEE802154, "ieee802.15.4" },
	{ ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor" },
	{ ARPHRD_PHONET, "phonet" }, { ARPHRD_PHONET_PIPE, "phonet_pipe" },
	{ ARPHRD_CAIF, "caif" }, { ARPHRD_IP6GRE, "gre6" },
	{ ARPHRD_NETLINK, "netlink" }, { ARPHRD_6LOWPAN, "6lowpan" },
	{ ARPHRD_NONE, "none" }, { ARPHRD_VOID, "void" },
};

const char *fmt_arphrd_name(unsigned type, char *buf, size_t len)
{
	const char *n = LOOKUP(arphrds, (int)type);

	if (n)
		snprintf(buf, len, "%s", n);
	else
		snprintf(buf, len, "[%u]", type);
	return buf;
}

/* ---- flag words --------------------------------------------------------- */

static void put_word(const char **v, size_t *n, size_t max, const char *w)
{
	if (*n < max)
		v[(*n)++] = w;
}

size_t fmt_link_flag_words(unsigned flags, bool mdown, const char **v,
                           size_t max, char *spare, size_t sparelen)
{
	/* iproute2's order, which is not bit order */
	static const struct { unsigned bit; const char *name; } names[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
		{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" },
		{ IFF_PROMISC, "PROMISC" }, { IFF_MASTER, "MASTER" },
		{ IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
		{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_AUTOMEDIA, "AUTOMEDIA" },
		{ IFF_PORTSEL, "PORTSEL" }, { IFF_NOTRAILERS, "NOTRAILERS" },
		{ IFF_UP, "UP" }, { IFF_LOWER_UP, "LOWER_UP" },
		{ IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
	};
	size_t n = 0;

	/* up but not running: the cable (or the veth peer) is missing */
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		put_word(v, &n, max, "NO-CARRIER");
	flags &= ~(unsigned)IFF_RUNNING;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (flags & names[i].bit) {
			flags &= ~names[i].bit;
			put_word(v, &n, max, names[i].name);
		}
	}
	if (flags && spare && sparelen) {
		snprintf(spare, sparelen, "%x", flags);
		put_word(v, &n, max, spare);
	}
	if (mdown)
		put_word(v, &n, max, "M-DOWN");
	return n;
}

size_t fmt_addr_flag_words(int family, unsigned flags, const char **v,
                           size_t max, char *spare, size_t sparelen)
{
	/* Bit order; "permanent" is shown inverted, as "dynamic" when absent,
	 * and IPv6 calls the secondary bit "temporary". */
	static const struct { unsigned bit; const char *name; } names[] = {
		{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
		{ IFA_F_OPTIMISTIC, "optimistic" },
		{ IFA_F_DADFAILED, "dadfailed" }, { IFA_F_HOMEADDRESS, "home" },
		{ IFA_F_DEPRECATED, "deprecated" },
		{ IFA_F_TENTATIVE, "tentative" }, { IFA_F_PERMANENT, NULL },
		{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" },
		{ IFA_F_NOPREFIXROUTE, "noprefixroute" },
		{ IFA_F_MCAUTOJOIN, "autojoin" },
		{ IFA_F_STABLE_PRIVACY, "stable-privacy" },
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		unsigned bit = names[i].bit;

		if (bit == IFA_F_PERMANENT) {
			if (!(flags & bit))
				put_word(v, &n, max, "dynamic");
		} else if (flags & bit) {
			if (bit == IFA_F_SECONDARY && family == AF_INET6)
				put_word(v, &n, max, "temporary");
			else
				put_word(v, &n, max, names[i].name);
		}
		flags &= ~bit;
	}
	if (flags && spare && sparelen) {
		snprintf(spare, sparelen, "flags %02x", flags);
		put_word(v, &n, max, spare);
	}
	return n;
}

#ifndef RTNH_F_TRAP
#define RTNH_F_TRAP 64
#endif
#ifndef RTM_F_OFFLOAD
#define RTM_F_OFFLOAD 0x4000
#endif
#ifndef RTM_F_TRAP
#define RTM_F_TRAP 0x8000
#endif
#ifndef RTM_F_OFFLOAD_FAILED
#define RTM_F_OFFLOAD_FAILED 0x20000000
#endif

size_t fmt_route_flag_words(unsigned flags, const char **v, size_t max)
{
	/* RTM_F_OFFLOAD_FAILED shares its bit with RTCF_MULTICAST, so a
	 * multicast `route get` answer says "rt_offload_failed": ip does. */
	static const struct { unsigned bit; const char *name; } names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" }, { RTNH_F_OFFLOAD, "offload" },
		{ RTNH_F_TRAP, "trap" }, { RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" }, { RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (flags & names[i].bit)
			put_word(v, &n, max, names[i].name);
	return n;
}
