/* SPDX-License-Identifier: GPL-2.0-or-later */
/* details.c - what `ip -d` (iproute2 6.1) adds to a link: the counters and
 * limits after the link/ether line (promiscuity, minmtu, maxmtu), then the
 * kind's own line ("    vxlan id 42 remote ..."), a port's line
 * ("    bridge_slave state ..."), and the queue and offload sizes.  The
 * kinds: macvlan/macvtap, ipvlan/ipvtap, vlan, vxlan, tun, bridge and
 * bridge_slave (ip 6.1 prints no options for veth, dummy, ifb).
 *
 * ip prints every item as "word value " and never trims, so spacing is
 * part of the output: " promiscuity 0  allmulti 0 " has two blanks in the
 * middle, and the ipvlan line starts "ipvlan  mode l2" for the same
 * reason.  Each kind prints only the attributes the kernel sent, in ip's
 * order; the values come from the attribute runs the world keeps
 * (world/linkinfo.c).  Pure code: the unit tests hold ip's own text.
 */
#include "fmt/fmt.h"

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/details.h"
#include "util/esc.h"
#include "util/sbuf.h"

struct run {
	const uint8_t *p;
	size_t len;
};

static bool has(struct run r, int type)
{
	return w_attr_find(r.p, r.len, type, NULL) != NULL;
}

static bool u8(struct run r, int type, uint8_t *v)
{
	return w_attr_u8(r.p, r.len, type, v);
}

static bool u16(struct run r, int type, uint16_t *v)
{
	return w_attr_u16(r.p, r.len, type, v);
}

static bool u32(struct run r, int type, uint32_t *v)
{
	return w_attr_u32(r.p, r.len, type, v);
}

/* ip's ll_index_to_name: the name, or "ifN" for an index it does not know */
static void add_ifname(struct sbuf *out, const struct w_ns *ns, int ifindex)
{
	const struct w_link *l = ns ? world_find_link_index(ns, ifindex) : NULL;

	if (l)
		esc_add(out, l->name, 0);
	else
		sbuf_printf(out, "if%d", ifindex);
}

/* ll_proto_n2a of a protocol in network byte order */
static void add_proto(struct sbuf *out, uint16_t be)
{
	uint16_t id = ntohs(be);

	if (id == 0x8100)
		sbuf_add(out, "802.1Q");
	else if (id == 0x88a8)
		sbuf_add(out, "802.1ad");
	else
		sbuf_printf(out, "[%u]", id);
}

/* "%#llx" of printf: "0" for zero, "0x4" otherwise */
static void add_hex(struct sbuf *out, unsigned long long v)
{
	sbuf_printf(out, "%#llx", v);
}

/* ---- the kinds ------------------------------------------------------------ */

static void print_macvlan(struct sbuf *out, struct run r)
{
	static const char *const modes[] = {
		[1] = "private", [2] = "vepa", [4] = "bridge", [8] = "passthru",
		[16] = "source",
	};
	uint32_t mode, n;
	uint16_t flags = 0;
	size_t alen;
	const void *p = w_attr_find(r.p, r.len, IFLA_MACVLAN_MODE, &alen);

	if (!p || alen < 4)
		return;
	memcpy(&mode, p, 4);
	sbuf_printf(out, "mode %s ",
	            mode <= 16 && modes[mode] ? modes[mode] : "unknown");
	(void)u16(r, IFLA_MACVLAN_FLAGS, &flags);
	if (flags & MACVLAN_FLAG_NOPROMISC)
		sbuf_add(out, "nopromisc ");
	if (flags & MACVLAN_FLAG_NODST)
		sbuf_add(out, "nodst ");
	if (u32(r, IFLA_MACVLAN_BC_QUEUE_LEN, &n))
		sbuf_printf(out, "bcqueuelen %u ", n);
	if (u32(r, IFLA_MACVLAN_BC_QUEUE_LEN_USED, &n))
		sbuf_printf(out, "usedbcqueuelen %u ", n);
	if (mode != MACVLAN_MODE_SOURCE ||
	    !u32(r, IFLA_MACVLAN_MACADDR_COUNT, &n))
		return;
	sbuf_printf(out, "remotes (%d) ", (int)n);
	p = w_attr_find(r.p, r.len, IFLA_MACVLAN_MACADDR_DATA, &alen);
	if (!p)
		return;
	{
		struct run m = { p, alen };
		size_t off = 0;

		/* the nested list: IFLA_MACVLAN_MACADDR entries */
		while (off + 4 <= m.len) {
			uint16_t nl, t;

			memcpy(&nl, m.p + off, 2);
			memcpy(&t, m.p + off + 2, 2);
			if (nl < 4 || off + nl > m.len)
				break;
			if ((t & 0x3fff) == IFLA_MACVLAN_MACADDR && nl >= 10) {
				const uint8_t *a = m.p + off + 4;
				sbuf_printf(out, "%.2x:%.2x:%.2x:%.2x:%.2x:%.2x ",
				            a[0], a[1], a[2], a[3], a[4], a[5]);
			}
			off += (nl + 3u) & ~3u;
		}
	}
}

static void print_ipvlan(struct sbuf *out, struct run r)
{
	size_t alen;
	uint16_t v;
	const void *p = w_attr_find(r.p, r.len, IFLA_IPVLAN_MODE, &alen);

	if (p && alen == 2) {
		memcpy(&v, p, 2);
		sbuf_printf(out, " mode %s ",
		            v == IPVLAN_MODE_L2 ? "l2" : v == IPVLAN_MODE_L3 ? "l3" :
		            v == IPVLAN_MODE_L3S ? "l3s" : "unknown");
	}
	p = w_attr_find(r.p, r.len, IFLA_IPVLAN_FLAGS, &alen);
	if (p && alen == 2) {
		memcpy(&v, p, 2);
		sbuf_add(out, (v & IPVLAN_F_PRIVATE) ? "private " :
		              (v & IPVLAN_F_VEPA) ? "vepa " : "bridge ");
	}
}

static void vlan_map(struct sbuf *out, const char *name, struct run r, int type)
{
	size_t alen, off = 0;
	const uint8_t *p = w_attr_find(r.p, r.len, type, &alen);

	if (!p)
		return;
	sbuf_printf(out, "\n      %s { ", name);
	while (off + 4 <= alen) {
		uint16_t nl;
		uint32_t from, to;

		memcpy(&nl, p + off, 2);
		if (nl < 4 || off + nl > alen)
			break;
		if (nl >= 12) {
			memcpy(&from, p + off + 4, 4);
			memcpy(&to, p + off + 8, 4);
			sbuf_printf(out, "%u:%u ", from, to);
		}
		off += (nl + 3u) & ~3u;
	}
	sbuf_add(out, "} ");
}

static void print_vlan(struct sbuf *out, struct run r)
{
	static const struct { uint32_t bit; const char *name; } fl[] = {
		{ VLAN_FLAG_REORDER_HDR, "REORDER_HDR" },
		{ VLAN_FLAG_GVRP, "GVRP" },
		{ VLAN_FLAG_MVRP, "MVRP" },
		{ VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING" },
		{ 0x10 /* VLAN_FLAG_BRIDGE_BINDING */, "BRIDGE_BINDING" },
	};
	uint16_t proto, id;
	size_t alen;
	const uint8_t *p;

	p = w_attr_find(r.p, r.len, IFLA_VLAN_PROTOCOL, &alen);
	if (p && alen < 2)
		return;
	if (!u16(r, IFLA_VLAN_ID, &id))
		return;
	sbuf_add(out, "protocol ");
	if (p) {
		memcpy(&proto, p, 2);
		add_proto(out, proto);
	} else {
		sbuf_add(out, "802.1q");
	}
	sbuf_printf(out, " id %u ", id);
	p = w_attr_find(r.p, r.len, IFLA_VLAN_FLAGS, &alen);
	if (p) {
		struct ifla_vlan_flags f;
		uint32_t flags;

		if (alen < sizeof f)
			return;
		memcpy(&f, p, sizeof f);
		flags = f.flags;
		sbuf_addc(out, '<');
		for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++)
			if (flags & fl[i].bit) {
				flags &= ~fl[i].bit;
				sbuf_printf(out, flags ? "%s," : "%s", fl[i].name);
			}
		if (flags)
			sbuf_printf(out, "%x", flags);
		sbuf_add(out, "> ");
	}
	vlan_map(out, "ingress-qos-map", r, IFLA_VLAN_INGRESS_QOS);
	vlan_map(out, "egress-qos-map", r, IFLA_VLAN_EGRESS_QOS);
}

static bool ip4_multicast(const uint8_t *a)
{
	return (a[0] & 0xf0) == 0xe0;
}

static void print_vxlan(struct sbuf *out, const struct w_ns *ns, struct run r)
{
	char buf[64];
	uint8_t b, ttl = 0, tos = 0;
	uint16_t port;
	uint32_t v;
	size_t alen;
	const uint8_t *p;
	static const uint8_t zero[16];

	if (u8(r, IFLA_VXLAN_COLLECT_METADATA, &b) && b)
		sbuf_add(out, "external ");
	if (u8(r, IFLA_VXLAN_VNIFILTER, &b) && b)
		sbuf_add(out, "vnifilter");
	if (u32(r, IFLA_VXLAN_ID, &v))
		sbuf_printf(out, "id %u ", v);
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_GROUP, &alen)) && alen >= 4) {
		if (memcmp(p, zero, 4))
			sbuf_printf(out, "%s %s ", ip4_multicast(p) ? "group" : "remote",
			            inet_ntop(AF_INET, p, buf, sizeof buf));
	} else if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_GROUP6, &alen)) &&
	           alen >= 16) {
		if (memcmp(p, zero, 16))
			sbuf_printf(out, "%s %s ", p[0] == 0xff ? "group" : "remote",
			            inet_ntop(AF_INET6, p, buf, sizeof buf));
	}
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_LOCAL, &alen)) && alen >= 4) {
		if (memcmp(p, zero, 4))
			sbuf_printf(out, "local %s ",
			            inet_ntop(AF_INET, p, buf, sizeof buf));
	} else if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_LOCAL6, &alen)) &&
	           alen >= 16) {
		if (memcmp(p, zero, 16))
			sbuf_printf(out, "local %s ",
			            inet_ntop(AF_INET6, p, buf, sizeof buf));
	}
	if (u32(r, IFLA_VXLAN_LINK, &v) && v) {
		sbuf_add(out, "dev ");
		add_ifname(out, ns, (int)v);
		sbuf_addc(out, ' ');
	}
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_PORT_RANGE, &alen)) &&
	    alen >= sizeof(struct ifla_vxlan_port_range)) {
		struct ifla_vxlan_port_range pr;

		memcpy(&pr, p, sizeof pr);
		sbuf_printf(out, "srcport %u %u ", ntohs(pr.low), ntohs(pr.high));
	}
	if (u16(r, IFLA_VXLAN_PORT, &port))
		sbuf_printf(out, "dstport %u ", ntohs(port));
	if (u8(r, IFLA_VXLAN_LEARNING, &b) && !b)
		sbuf_add(out, "nolearning ");
	if (u8(r, IFLA_VXLAN_PROXY, &b) && b)
		sbuf_add(out, "proxy ");
	if (u8(r, IFLA_VXLAN_RSC, &b) && b)
		sbuf_add(out, "rsc ");
	if (u8(r, IFLA_VXLAN_L2MISS, &b) && b)
		sbuf_add(out, "l2miss ");
	if (u8(r, IFLA_VXLAN_L3MISS, &b) && b)
		sbuf_add(out, "l3miss ");
	(void)u8(r, IFLA_VXLAN_TOS, &tos);
	if (tos) {
		if (tos != 1) {
			sbuf_add(out, "tos ");
			add_hex(out, tos);
			sbuf_addc(out, ' ');
		} else {
			sbuf_add(out, "tos inherit ");
		}
	}
	if (u8(r, IFLA_VXLAN_TTL_INHERIT, &b) && b) {
		sbuf_add(out, "ttl inherit ");
	} else if (u8(r, IFLA_VXLAN_TTL, &ttl)) {
		if (ttl)
			sbuf_printf(out, "ttl %u ", ttl);
		else
			sbuf_add(out, "ttl auto ");
	}
	if (u8(r, IFLA_VXLAN_DF, &b)) {
		if (b == VXLAN_DF_SET)
			sbuf_add(out, "df set ");
		else if (b == VXLAN_DF_INHERIT)
			sbuf_add(out, "df inherit ");
	}
	if (u32(r, IFLA_VXLAN_LABEL, &v) && v) {
		sbuf_add(out, "flowlabel ");
		add_hex(out, ntohl(v));
		sbuf_addc(out, ' ');
	}
	if (u32(r, IFLA_VXLAN_AGEING, &v)) {
		if (v == 0)
			sbuf_add(out, "ageing none ");
		else
			sbuf_printf(out, "ageing %u ", v);
	}
	if (u32(r, IFLA_VXLAN_LIMIT, &v) && v)
		sbuf_printf(out, "maxaddr %u ", v);
	if (u8(r, IFLA_VXLAN_UDP_CSUM, &b))
		sbuf_add(out, b ? "udpcsum " : "noudpcsum ");
	if (u8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, &b))
		sbuf_add(out, b ? "udp6zerocsumtx " : "noudp6zerocsumtx ");
	if (u8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, &b))
		sbuf_add(out, b ? "udp6zerocsumrx " : "noudp6zerocsumrx ");
	if (u8(r, IFLA_VXLAN_REMCSUM_TX, &b) && b)
		sbuf_add(out, "remcsumtx ");
	if (u8(r, IFLA_VXLAN_REMCSUM_RX, &b) && b)
		sbuf_add(out, "remcsumrx ");
	if (has(r, IFLA_VXLAN_GBP))
		sbuf_add(out, "gbp ");
	if (has(r, IFLA_VXLAN_GPE))
		sbuf_add(out, "gpe ");
}

/* ip's tun printer (iptuntap.c) */
static void print_tun(struct sbuf *out, struct run r)
{
	char buf[24];
	uint8_t b;
	uint32_t v;
	const char *name;

	if (u8(r, IFLA_TUN_TYPE, &b))
		sbuf_printf(out, "type %s ", fmt_tun_type(b, buf, sizeof buf));
	if (u8(r, IFLA_TUN_PI, &b))
		sbuf_printf(out, "pi %s ", b ? "on" : "off");
	if (u8(r, IFLA_TUN_VNET_HDR, &b))
		sbuf_printf(out, "vnet_hdr %s ", b ? "on" : "off");
	if (u8(r, IFLA_TUN_MULTI_QUEUE, &b) && b) {
		sbuf_add(out, "multi_queue ");
		if (u32(r, IFLA_TUN_NUM_QUEUES, &v))
			sbuf_printf(out, "numqueues %u ", v);
		if (u32(r, IFLA_TUN_NUM_DISABLED_QUEUES, &v))
			sbuf_printf(out, "numdisabled %u ", v);
	}
	if (u8(r, IFLA_TUN_PERSIST, &b))
		sbuf_printf(out, "persist %s ", b ? "on" : "off");
	if (u32(r, IFLA_TUN_OWNER, &v)) {
		if ((name = fmt_uid_name(v)) != NULL) {
			sbuf_add(out, "user ");
			esc_add(out, name, 0);
			sbuf_addc(out, ' ');
		} else {
			sbuf_printf(out, "user %u ", v);
		}
	}
	if (u32(r, IFLA_TUN_GROUP, &v)) {
		if ((name = fmt_gid_name(v)) != NULL) {
			sbuf_add(out, "group ");
			esc_add(out, name, 0);
			sbuf_addc(out, ' ');
		} else {
			sbuf_printf(out, "group %u ", v);
		}
	}
}

/* ---- bridges and their ports: long runs of numbers, so tables --------- */

/* struct ifla_bridge_id as ip prints it: "8000.0:0:0:0:0:0" (the address
 * as ether_ntoa writes it, without leading zeros) */
static void add_brid(struct sbuf *out, const uint8_t *id)
{
	sbuf_printf(out, "%.2x%.2x.%x:%x:%x:%x:%x:%x", id[0], id[1], id[2],
	            id[3], id[4], id[5], id[6], id[7]);
}

/* clock_t in centiseconds, as "%4i.%.2i" */
static void add_timer(struct sbuf *out, uint64_t v)
{
	unsigned long long us = 10000ULL * v;

	sbuf_printf(out, "%4i.%.2i", (int)(us / 1000000),
	            (int)((us % 1000000) / 10000));
}

static void add_fwdmask_str(struct sbuf *out, uint16_t mask)
{
	static const char *const tbl[16] = {
		[0] = "stp", [2] = "lacp", [14] = "lldp"
	};
	bool any = false;

	for (int i = 0; mask; i++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		if (any)
			sbuf_addc(out, ',');
		if (tbl[i])
			sbuf_add(out, tbl[i]);
		else
			sbuf_printf(out, "0x%x", 1u << i);
		any = true;
	}
	if (!any)
		sbuf_add(out, "0x0");
}

static void print_fields(struct sbuf *out, const struct w_ns *ns,
                         struct run r, const struct field *f, size_t n)
{
	static const char *const states[] = {
		"disabled", "listening", "learning", "forwarding", "blocking"
	};

	for (size_t i = 0; i < n; i++) {
		size_t alen;
		const uint8_t *p = w_attr_find(r.p, r.len, f[i].type, &alen);
		uint8_t b8 = 0;
		uint16_t b16 = 0;
		uint32_t b32 = 0;
		uint64_t b64 = 0;

		if (!p)
			continue;
		/* ip reads as many bytes as the type has, whatever the
		 * attribute's length; short ones read as zero here */
		memcpy(&b8, p, alen < 1 ? 0 : 1);
		memcpy(&b16, p, alen < 2 ? 0 : 2);
		memcpy(&b32, p, alen < 4 ? 0 : 4);
		memcpy(&b64, p, alen < 8 ? 0 : 8);
		switch (f[i].how) {
		case I_U8:
			sbuf_printf(out, "%s %u ", f[i].word, b8);
			break;
		case I_U16:
			sbuf_printf(out, "%s %u ", f[i].word, b16);
			break;
		case I_INT16:
			sbuf_printf(out, "%s %d ", f[i].word, (int)b16);
			break;
		case I_INT32:
			sbuf_printf(out, "%s %d ", f[i].word, (int)b32);
			break;
		case I_U32:
			sbuf_printf(out, "%s %u ", f[i].word, b32);
			break;
		case I_U64:
			sbuf_printf(out, "%s %llu ", f[i].word,
			            (unsigned long long)b64);
			break;
		case I_HEX16:
			sbuf_printf(out, "%s ", f[i].word);
			add_hex(out, b16);
			sbuf_addc(out, ' ');
			break;
		case I_ONOFF:
			sbuf_printf(out, "%s %s ", f[i].word, b8 ? "on" : "off");
			break;
		case I_TIMER:
			sbuf_printf(out, "%s ", f[i].word);
			add_timer(out, b64);
			sbuf_addc(out, ' ');
			break;
		case I_BRID:
		case I_ROOTID: {
			const uint8_t *id = p;
			size_t idlen = alen;

			if (f[i].how == I_ROOTID)
				id = w_attr_find(r.p, r.len, IFLA_BR_BRIDGE_ID,
				                 &idlen);
			if (!id || idlen < sizeof(struct ifla_bridge_id))
				break;
			sbuf_printf(out, "%s ", f[i].word);
			add_brid(out, id);
			sbuf_addc(out, ' ');
			break;
		}
		case I_MAC: {
			char buf[64];
			sbuf_printf(out, "%s %s ", f[i].word,
			            fmt_mac(p, (int)alen, buf, sizeof buf));
			break;
		}
		case I_PORTSTATE:
			if (b8 <= 4)
				sbuf_printf(out, "state %s ", states[b8]);
			else
				sbuf_printf(out, "state (%d) ", b8);
			break;
		case I_FWDMASK:
			sbuf_add(out, "group_fwd_mask ");
			add_hex(out, b16);
			sbuf_add(out, " group_fwd_mask_str ");
			add_fwdmask_str(out, b16);
			sbuf_addc(out, ' ');
			break;
		case I_IFNAME:
			sbuf_printf(out, "%s ", f[i].word);
			add_ifname(out, ns, (int)b32);
			sbuf_addc(out, ' ');
			break;
		case I_BOOLOPT: {
			struct br_boolopt_multi bm;

			if (alen < sizeof bm)
				break;
			memcpy(&bm, p, sizeof bm);
			if (bm.optmask & (1u << BR_BOOLOPT_NO_LL_LEARN))
				sbuf_printf(out, "no_linklocal_learn %u ",
				            !!(bm.optval & (1u << BR_BOOLOPT_NO_LL_LEARN)));
			if (bm.optmask & (1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING))
				sbuf_printf(out, "mcast_vlan_snooping %u ",
				            !!(bm.optval &
				               (1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING)));
			break;
		}
		case I_VLANPROTO:
			sbuf_printf(out, "%s ", f[i].word);
			add_proto(out, b16);
			sbuf_addc(out, ' ');
			break;
		}
	}
}

const struct field fmt_bridge_fields[] = {
	{ IFLA_BR_FORWARD_DELAY, I_U32, "forward_delay", NULL },
	{ IFLA_BR_HELLO_TIME, I_U32, "hello_time", NULL },
	{ IFLA_BR_MAX_AGE, I_U32, "max_age", NULL },
	{ IFLA_BR_AGEING_TIME, I_U32, "ageing_time", NULL },
	{ IFLA_BR_STP_STATE, I_U32, "stp_state", NULL },
	{ IFLA_BR_PRIORITY, I_U16, "priority", NULL },
	{ IFLA_BR_VLAN_FILTERING, I_U8, "vlan_filtering", NULL },
	{ IFLA_BR_VLAN_PROTOCOL, I_VLANPROTO, "vlan_protocol", NULL },
	{ IFLA_BR_BRIDGE_ID, I_BRID, "bridge_id", NULL },
	{ IFLA_BR_ROOT_ID, I_ROOTID, "designated_root",
	  "root_id" },
	{ IFLA_BR_ROOT_PORT, I_U16, "root_port", NULL },
	{ IFLA_BR_ROOT_PATH_COST, I_U32, "root_path_cost", NULL },
	{ IFLA_BR_TOPOLOGY_CHANGE, I_U8, "topology_change", NULL },
	{ IFLA_BR_TOPOLOGY_CHANGE_DETECTED, I_U8, "topology_change_detected", NULL },
	{ IFLA_BR_HELLO_TIMER, I_TIMER, "hello_timer", NULL },
	{ IFLA_BR_TCN_TIMER, I_TIMER, "tcn_timer", NULL },
	{ IFLA_BR_TOPOLOGY_CHANGE_TIMER, I_TIMER, "topology_change_timer", NULL },
	{ IFLA_BR_GC_TIMER, I_TIMER, "gc_timer", NULL },
	{ IFLA_BR_VLAN_DEFAULT_PVID, I_U16, "vlan_default_pvid", NULL },
	{ IFLA_BR_VLAN_STATS_ENABLED, I_U8, "vlan_stats_enabled", NULL },
	{ IFLA_BR_VLAN_STATS_PER_PORT, I_U8, "vlan_stats_per_port", NULL },
	{ IFLA_BR_GROUP_FWD_MASK, I_HEX16, "group_fwd_mask", NULL },
	{ IFLA_BR_GROUP_ADDR, I_MAC, "group_address",
	  "group_addr" },
	{ IFLA_BR_MCAST_SNOOPING, I_U8, "mcast_snooping", NULL },
	{ IFLA_BR_MULTI_BOOLOPT, I_BOOLOPT, NULL, NULL },
	{ IFLA_BR_MCAST_ROUTER, I_U8, "mcast_router", NULL },
	{ IFLA_BR_MCAST_QUERY_USE_IFADDR, I_U8, "mcast_query_use_ifaddr", NULL },
	{ IFLA_BR_MCAST_QUERIER, I_U8, "mcast_querier", NULL },
	{ IFLA_BR_MCAST_HASH_ELASTICITY, I_U32, "mcast_hash_elasticity", NULL },
	{ IFLA_BR_MCAST_HASH_MAX, I_U32, "mcast_hash_max", NULL },
	{ IFLA_BR_MCAST_LAST_MEMBER_CNT, I_U32, "mcast_last_member_count",
	  "mcast_last_member_cnt" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_CNT, I_U32, "mcast_startup_query_count",
	  "mcast_startup_query_cnt" },
	{ IFLA_BR_MCAST_LAST_MEMBER_INTVL, I_U64, "mcast_last_member_interval",
	  "mcast_last_member_intvl" },
	{ IFLA_BR_MCAST_MEMBERSHIP_INTVL, I_U64, "mcast_membership_interval",
	  "mcast_membership_intvl" },
	{ IFLA_BR_MCAST_QUERIER_INTVL, I_U64, "mcast_querier_interval",
	  "mcast_querier_intvl" },
	{ IFLA_BR_MCAST_QUERY_INTVL, I_U64, "mcast_query_interval",
	  "mcast_query_intvl" },
	{ IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, I_U64, "mcast_query_response_interval",
	  "mcast_query_response_intvl" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_INTVL, I_U64, "mcast_startup_query_interval",
	  "mcast_startup_query_intvl" },
	{ IFLA_BR_MCAST_STATS_ENABLED, I_U8, "mcast_stats_enabled", NULL },
	{ IFLA_BR_MCAST_IGMP_VERSION, I_U8, "mcast_igmp_version", NULL },
	{ IFLA_BR_MCAST_MLD_VERSION, I_U8, "mcast_mld_version", NULL },
	{ IFLA_BR_NF_CALL_IPTABLES, I_U8, "nf_call_iptables", NULL },
	{ IFLA_BR_NF_CALL_IP6TABLES, I_U8, "nf_call_ip6tables", NULL },
	{ IFLA_BR_NF_CALL_ARPTABLES, I_U8, "nf_call_arptables", NULL },
};

const struct field fmt_bridge_slave_fields[] = {
	{ IFLA_BRPORT_STATE, I_PORTSTATE, "state", NULL },
	{ IFLA_BRPORT_PRIORITY, I_INT16, "priority", NULL },
	{ IFLA_BRPORT_COST, I_INT32, "cost", NULL },
	{ IFLA_BRPORT_MODE, I_ONOFF, "hairpin", NULL },
	{ IFLA_BRPORT_GUARD, I_ONOFF, "guard", NULL },
	{ IFLA_BRPORT_PROTECT, I_ONOFF, "root_block", NULL },
	{ IFLA_BRPORT_FAST_LEAVE, I_ONOFF, "fastleave", NULL },
	{ IFLA_BRPORT_LEARNING, I_ONOFF, "learning", NULL },
	{ IFLA_BRPORT_UNICAST_FLOOD, I_ONOFF, "flood", NULL },
	{ IFLA_BRPORT_ID, I_HEX16, "port_id",
	  "id" },
	{ IFLA_BRPORT_NO, I_HEX16, "port_no",
	  "no" },
	{ IFLA_BRPORT_DESIGNATED_PORT, I_U16, "designated_port", NULL },
	{ IFLA_BRPORT_DESIGNATED_COST, I_U16, "designated_cost", NULL },
	{ IFLA_BRPORT_BRIDGE_ID, I_BRID, "designated_bridge",
	  "bridge_id" },
	{ IFLA_BRPORT_ROOT_ID, I_BRID, "designated_root",
	  "root_id" },
	{ IFLA_BRPORT_HOLD_TIMER, I_TIMER, "hold_timer", NULL },
	{ IFLA_BRPORT_MESSAGE_AGE_TIMER, I_TIMER, "message_age_timer", NULL },
	{ IFLA_BRPORT_FORWARD_DELAY_TIMER, I_TIMER, "forward_delay_timer", NULL },
	{ IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, I_U8, "topology_change_ack", NULL },
	{ IFLA_BRPORT_CONFIG_PENDING, I_U8, "config_pending", NULL },
	{ IFLA_BRPORT_PROXYARP, I_ONOFF, "proxy_arp", NULL },
	{ IFLA_BRPORT_PROXYARP_WIFI, I_ONOFF, "proxy_arp_wifi", NULL },
	{ IFLA_BRPORT_MULTICAST_ROUTER, I_U8, "mcast_router",
	  "multicast_router" },
	{ IFLA_BRPORT_FAST_LEAVE, I_ONOFF, "mcast_fast_leave", "" },
	{ IFLA_BRPORT_MCAST_FLOOD, I_ONOFF, "mcast_flood", NULL },
	{ IFLA_BRPORT_BCAST_FLOOD, I_ONOFF, "bcast_flood", NULL },
	{ IFLA_BRPORT_MCAST_TO_UCAST, I_ONOFF, "mcast_to_unicast", NULL },
	{ IFLA_BRPORT_NEIGH_SUPPRESS, I_ONOFF, "neigh_suppress", NULL },
	{ IFLA_BRPORT_GROUP_FWD_MASK, I_FWDMASK, NULL, NULL },
	{ IFLA_BRPORT_VLAN_TUNNEL, I_ONOFF, "vlan_tunnel", NULL },
	{ IFLA_BRPORT_ISOLATED, I_ONOFF, "isolated", NULL },
	{ IFLA_BRPORT_LOCKED, I_ONOFF, "locked", NULL },
	{ IFLA_BRPORT_BACKUP_PORT, I_IFNAME, "backup_port", NULL },
};

#define NF(a) (sizeof (a) / sizeof (a)[0])

const size_t fmt_bridge_nfields = NF(fmt_bridge_fields);
const size_t fmt_bridge_slave_nfields = NF(fmt_bridge_slave_fields);

/* The kinds ip 6.1 knows how to print (its print_opt); other kinds get
 * their name only, as ip without a printer for them does. */
static void print_kind(struct sbuf *out, const struct w_ns *ns,
                       const char *kind, struct run r)
{
	if (!strcmp(kind, "macvlan") || !strcmp(kind, "macvtap"))
		print_macvlan(out, r);
	else if (!strcmp(kind, "ipvlan") || !strcmp(kind, "ipvtap"))
		print_ipvlan(out, r);
	else if (!strcmp(kind, "vlan"))
		print_vlan(out, r);
	else if (!strcmp(kind, "vxlan"))
		print_vxlan(out, ns, r);
	else if (!strcmp(kind, "tun"))
		print_tun(out, r);
	else if (!strcmp(kind, "bridge"))
		print_fields(out, ns, r, fmt_bridge_fields, fmt_bridge_nfields);
	else if (!strcmp(kind, "bridge_slave"))
		print_fields(out, ns, r, fmt_bridge_slave_fields,
		             fmt_bridge_slave_nfields);
}

/* ip's print_linktype: "\n    KIND OPTIONS" and "\n    KIND_slave OPTIONS" */
static void linktype(struct sbuf *out, const struct w_ns *ns,
                     const struct w_link *l)
{
	if (l->kind[0]) {
		struct run r = { l->info_data, l->info_data_len };

		sbuf_add(out, "\n    ");
		esc_add(out, l->kind, 0);
		sbuf_addc(out, ' ');
		/* ip prints no options when the kernel sent no IFLA_INFO_DATA
		 * (its printers return at once without one) */
		if (l->d_has & W_D_INFO_DATA)
			print_kind(out, ns, l->kind, r);
	}
	if (l->slave_kind[0]) {
		struct run r = { l->slave_data, l->slave_data_len };
		char slave[40];

		snprintf(slave, sizeof slave, "%s_slave", l->slave_kind);
		sbuf_add(out, "\n    ");
		esc_add(out, slave, 0);
		sbuf_addc(out, ' ');
		if (l->d_has & W_D_SLAVE_DATA)
			print_kind(out, ns, slave, r);
	}
}

/* where a NIC sits (IFLA_PHYS_*, IFLA_PARENT_DEV_*), last in ip -d */
static void phys(struct sbuf *out, const struct w_link_phys *p, char *buf,
                 size_t len)
{
	if (p->phys_port_name[0]) {
		sbuf_add(out, "portname ");
		esc_add(out, p->phys_port_name, 0);
		sbuf_addc(out, ' ');
	}
	if (p->phys_port_id_len)
		sbuf_printf(out, "portid %s ", fmt_hexstring(p->phys_port_id,
		            p->phys_port_id_len, buf, len));
	if (p->phys_switch_id_len)
		sbuf_printf(out, "switchid %s ", fmt_hexstring(p->phys_switch_id,
		            p->phys_switch_id_len, buf, len));
	if (p->parentbus[0]) {
		sbuf_add(out, "parentbus ");
		esc_add(out, p->parentbus, 0);
		sbuf_addc(out, ' ');
	}
	if (p->parentdev[0]) {
		sbuf_add(out, "parentdev ");
		esc_add(out, p->parentdev, 0);
		sbuf_addc(out, ' ');
	}
}


static const char *addrgenmode_name(uint8_t mode, char *buf, size_t len)
{
	switch (mode) {
	case 0: return "eui64";
	case 1: return "none";
	case 2: return "stable_secret";
	case 3: return "random";
	}
	snprintf(buf, len, "%#.2hhx", mode);
	return buf;
}

static void details(struct sbuf *out, const struct w_ns *ns,
                    const struct w_link *l, bool do_link)
{
	static const struct { unsigned bit; size_t off; const char *word; } q[] = {
		{ W_D_NUM_TXQ, offsetof(struct w_link, num_tx_queues),
		  "numtxqueues" },
		{ W_D_NUM_RXQ, offsetof(struct w_link, num_rx_queues),
		  "numrxqueues" },
		{ W_D_GSO_SIZE, offsetof(struct w_link, gso_max_size),
		  "gso_max_size" },
		{ W_D_GSO_SEGS, offsetof(struct w_link, gso_max_segs),
		  "gso_max_segs" },
		{ W_D_TSO_SIZE, offsetof(struct w_link, tso_max_size),
		  "tso_max_size" },
		{ W_D_TSO_SEGS, offsetof(struct w_link, tso_max_segs),
		  "tso_max_segs" },
		{ W_D_GRO_SIZE, offsetof(struct w_link, gro_max_size),
		  "gro_max_size" },
	};
	char buf[16], buf2[72];

	if (l->d_has & W_D_PROMISC)
		sbuf_printf(out, " promiscuity %u ", l->promiscuity);
	if (l->d_has & W_D_ALLMULTI)
		sbuf_printf(out, " allmulti %u ", l->allmulti);
	if (l->d_has & W_D_MIN_MTU)
		sbuf_printf(out, "minmtu %u ", l->min_mtu);
	if (l->d_has & W_D_MAX_MTU)
		sbuf_printf(out, "maxmtu %u ", l->max_mtu);
	if (l->d_has & W_D_LINKINFO)
		linktype(out, ns, l);
	if (do_link && (l->d_has & W_D_ADDRGENMODE))
		sbuf_printf(out, "addrgenmode %s ",
		            addrgenmode_name(l->addrgenmode, buf, sizeof buf));
	for (size_t i = 0; i < NF(q); i++)
		if (l->d_has & q[i].bit) {
			uint32_t v;
			memcpy(&v, (const char *)l + q[i].off, sizeof v);
			sbuf_printf(out, "%s %u ", q[i].word, v);
		}
	if (l->phys)
		phys(out, l->phys, buf2, sizeof buf2);
}

void fmt_link_details(struct sbuf *out, const struct w_ns *ns,
                      const struct w_link *l)
{
	details(out, ns, l, true);
}

void fmt_addr_link_details(struct sbuf *out, const struct w_ns *ns,
                           const struct w_link *l)
{
	details(out, ns, l, false);
}

void fmt_link_d(struct sbuf *out, const struct w_ns *ns, const struct w_link *l)
{
	struct w_link plain = *l;
	size_t start = out->len;

	/* fmt_link's own lines without the alias, which ip -d prints after
	 * the details */
	plain.ifalias = NULL;   /* a view: it shares l's heap parts */
	fmt_link(out, ns, &plain);
	if (out->len > start && out->s[out->len - 1] == '\n')
		out->s[--out->len] = '\0';
	if (l->d_has & W_D_PROTO_DOWN && l->proto_down)
		sbuf_add(out, " protodown on ");
	fmt_link_details(out, ns, l);
	if (l->ifalias) {
		sbuf_add(out, "\n    alias ");
		esc_add(out, l->ifalias, 0);
	}
	sbuf_addc(out, '\n');
}
