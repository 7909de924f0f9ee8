/* SPDX-License-Identifier: GPL-2.0-or-later */
/* details_json.c - what `ip -d -j` (iproute2 6.1) adds to a link object:
 * "promiscuity" ... "max_mtu", then "linkinfo" with the kind's
 * "info_data" and a port's "info_slave_data", "inet6_addr_gen_mode"
 * (link show only) and the queue and offload sizes; the same attributes
 * fmt/details.c prints as text, under ip's JSON keys, which often differ
 * from its words ("designated_root" is "root_id"), and with ip's types:
 * on/off are booleans, a bridge's timers bare numbers with two decimals
 * ("hello_timer":0.00), hex values strings ("group_fwd_mask":"0",
 * "id":"0x8001").
 *
 * ip opens "info_data" for every kind it has a printer for, empty when
 * the kernel sent no IFLA_INFO_DATA, and none for the others (veth,
 * dummy).  Pure code: the unit tests hold ip's own output.
 */
#include "fmt/json.h"

#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/details.h"

struct run {
	const uint8_t *p;
	size_t len;
};

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

/* ip's ll_index_to_name, raw (the writer escapes) */
static const char *ifname(const struct w_ns *ns, int ifindex, char *buf,
                          size_t len)
{
	const struct w_link *l = ns ? world_find_link_index(ns, ifindex) : NULL;

	if (l)
		return l->name;
	snprintf(buf, len, "if%d", ifindex);
	return buf;
}

/* ll_proto_n2a of a protocol in network byte order, as details.c */
static const char *proto(uint16_t be, char *buf, size_t len)
{
	uint16_t id = ntohs(be);

	if (id == 0x8100)
		return "802.1Q";
	if (id == 0x88a8)
		return "802.1ad";
	snprintf(buf, len, "[%u]", id);
	return buf;
}

/* print_0xhex in JSON: a string, "%#llx" */
static void hex(struct fj *j, const char *key, unsigned long long v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%#llx", v);
	fj_str(j, key, buf);
}

/* ---- the kinds ------------------------------------------------------------ */

static void macvlan(struct fj *j, struct run r)
{
	static const char *const modes[] = {
		[1] = "private", [2] = "vepa", [4] = "bridge", [8] = "passthru",
		[16] = "source",
	};
	uint32_t mode, n;
	uint16_t flags = 0;
	size_t alen, off = 0;
	const uint8_t *p = w_attr_find(r.p, r.len, IFLA_MACVLAN_MODE, &alen);

	if (!p || alen < 4)
		return;
	memcpy(&mode, p, 4);
	fj_str(j, "mode", mode <= 16 && modes[mode] ? modes[mode] : "unknown");
	(void)u16(r, IFLA_MACVLAN_FLAGS, &flags);
	if (flags & MACVLAN_FLAG_NOPROMISC)
		fj_bool(j, "nopromisc", true);
	if (flags & MACVLAN_FLAG_NODST)
		fj_bool(j, "nodst", true);
	if (u32(r, IFLA_MACVLAN_BC_QUEUE_LEN, &n))
		fj_uint(j, "bcqueuelen", n);
	if (u32(r, IFLA_MACVLAN_BC_QUEUE_LEN_USED, &n))
		fj_uint(j, "usedbcqueuelen", n);
	if (mode != MACVLAN_MODE_SOURCE ||
	    !u32(r, IFLA_MACVLAN_MACADDR_COUNT, &n))
		return;
	fj_int(j, "macaddr_count", (int32_t)n);
	p = w_attr_find(r.p, r.len, IFLA_MACVLAN_MACADDR_DATA, &alen);
	if (!p)
		return;
	fj_open_arr(j, "macaddr_data");
	/* the nested list: IFLA_MACVLAN_MACADDR entries */
	while (off + 4 <= alen) {
		uint16_t nl, t;

		memcpy(&nl, p + off, 2);
		memcpy(&t, p + off + 2, 2);
		if (nl < 4 || off + nl > alen)
			break;
		if ((t & 0x3fff) == IFLA_MACVLAN_MACADDR && nl >= 10) {
			const uint8_t *a = p + off + 4;
			char buf[24];

			snprintf(buf, sizeof buf, "%.2x:%.2x:%.2x:%.2x:%.2x:%.2x",
			         a[0], a[1], a[2], a[3], a[4], a[5]);
			fj_str(j, NULL, buf);
		}
		off += (nl + 3u) & ~3u;
	}
	fj_close_arr(j);
}

static void ipvlan(struct fj *j, struct run r)
{
	size_t alen;
	uint16_t v;
	const void *p = w_attr_find(r.p, r.len, IFLA_IPVLAN_MODE, &alen);

	if (p && alen == 2) {
		memcpy(&v, p, 2);
		fj_str(j, "mode", v == IPVLAN_MODE_L2 ? "l2" :
		                  v == IPVLAN_MODE_L3 ? "l3" :
		                  v == IPVLAN_MODE_L3S ? "l3s" : "unknown");
	}
	p = w_attr_find(r.p, r.len, IFLA_IPVLAN_FLAGS, &alen);
	if (p && alen == 2) {
		memcpy(&v, p, 2);
		fj_bool(j, (v & IPVLAN_F_PRIVATE) ? "private" :
		           (v & IPVLAN_F_VEPA) ? "vepa" : "bridge", true);
	}
}

static void vlan_map(struct fj *j, const char *key, struct run r, int type)
{
	size_t alen, off = 0;
	const uint8_t *p = w_attr_find(r.p, r.len, type, &alen);

	if (!p)
		return;
	fj_open_arr(j, key);
	while (off + 4 <= alen) {
		uint16_t nl;
		uint32_t from, to;

		memcpy(&nl, p + off, 2);
		if (nl < 4 || off + nl > alen)
			break;
		if (nl >= 12) {
			memcpy(&from, p + off + 4, 4);
			memcpy(&to, p + off + 8, 4);
			fj_open_obj(j, NULL);
			fj_uint(j, "from", from);
			fj_uint(j, "to", to);
			fj_close_obj(j);
		}
		off += (nl + 3u) & ~3u;
	}
	fj_close_arr(j);
}

static void vlan(struct fj *j, struct run r)
{
	static const struct { uint32_t bit; const char *name; } fl[] = {
		{ VLAN_FLAG_REORDER_HDR, "REORDER_HDR" },
		{ VLAN_FLAG_GVRP, "GVRP" },
		{ VLAN_FLAG_MVRP, "MVRP" },
		{ VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING" },
		{ 0x10 /* VLAN_FLAG_BRIDGE_BINDING */, "BRIDGE_BINDING" },
	};
	char buf[16];
	uint16_t pr, id;
	size_t alen;
	const uint8_t *p = w_attr_find(r.p, r.len, IFLA_VLAN_PROTOCOL, &alen);

	if (p && alen < 2)
		return;
	if (!u16(r, IFLA_VLAN_ID, &id))
		return;
	if (p) {
		memcpy(&pr, p, 2);
		fj_str(j, "protocol", proto(pr, buf, sizeof buf));
	} else {
		fj_str(j, "protocol", "802.1q");
	}
	fj_uint(j, "id", id);
	p = w_attr_find(r.p, r.len, IFLA_VLAN_FLAGS, &alen);
	if (p) {
		struct ifla_vlan_flags f;
		uint32_t flags;

		if (alen < sizeof f)
			return;
		memcpy(&f, p, sizeof f);
		flags = f.flags;
		fj_open_arr(j, "flags");
		for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++)
			if (flags & fl[i].bit) {
				flags &= ~fl[i].bit;
				fj_str(j, NULL, fl[i].name);
			}
		if (flags) {
			snprintf(buf, sizeof buf, "%x", flags);
			fj_str(j, NULL, buf);
		}
		fj_close_arr(j);
	}
	vlan_map(j, "ingress_qos", r, IFLA_VLAN_INGRESS_QOS);
	vlan_map(j, "egress_qos", r, IFLA_VLAN_EGRESS_QOS);
}

static void vxlan(struct fj *j, const struct w_ns *ns, struct run r)
{
	static const uint8_t zero[16];
	char buf[64];
	uint8_t b, tos = 0;
	uint16_t port;
	uint32_t v;
	size_t alen;
	const uint8_t *p;

	if (u8(r, IFLA_VXLAN_COLLECT_METADATA, &b) && b)
		fj_bool(j, "external", true);
	if (u8(r, IFLA_VXLAN_VNIFILTER, &b) && b)
		fj_bool(j, "vnifilter", true);
	if (u32(r, IFLA_VXLAN_ID, &v))
		fj_uint(j, "id", v);
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_GROUP, &alen)) && alen >= 4) {
		if (memcmp(p, zero, 4))
			fj_str(j, (p[0] & 0xf0) == 0xe0 ? "group" : "remote",
			       inet_ntop(AF_INET, p, buf, sizeof buf));
	} else if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_GROUP6, &alen)) &&
	           alen >= 16) {
		if (memcmp(p, zero, 16))
			fj_str(j, p[0] == 0xff ? "group6" : "remote6",
			       inet_ntop(AF_INET6, p, buf, sizeof buf));
	}
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_LOCAL, &alen)) && alen >= 4) {
		if (memcmp(p, zero, 4))
			fj_str(j, "local", inet_ntop(AF_INET, p, buf, sizeof buf));
	} else if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_LOCAL6, &alen)) &&
	           alen >= 16) {
		if (memcmp(p, zero, 16))
			fj_str(j, "local6", inet_ntop(AF_INET6, p, buf, sizeof buf));
	}
	if (u32(r, IFLA_VXLAN_LINK, &v) && v)
		fj_str(j, "link", ifname(ns, (int)v, buf, sizeof buf));
	if ((p = w_attr_find(r.p, r.len, IFLA_VXLAN_PORT_RANGE, &alen)) &&
	    alen >= sizeof(struct ifla_vxlan_port_range)) {
		struct ifla_vxlan_port_range pr;

		memcpy(&pr, p, sizeof pr);
		fj_open_obj(j, "port_range");
		fj_uint(j, "low", ntohs(pr.low));
		fj_uint(j, "high", ntohs(pr.high));
		fj_close_obj(j);
	}
	if (u16(r, IFLA_VXLAN_PORT, &port))
		fj_uint(j, "port", ntohs(port));
	if (u8(r, IFLA_VXLAN_LEARNING, &b))
		fj_bool(j, "learning", b);
	if (u8(r, IFLA_VXLAN_PROXY, &b) && b)
		fj_bool(j, "proxy", true);
	if (u8(r, IFLA_VXLAN_RSC, &b) && b)
		fj_bool(j, "rsc", true);
	if (u8(r, IFLA_VXLAN_L2MISS, &b) && b)
		fj_bool(j, "l2miss", true);
	if (u8(r, IFLA_VXLAN_L3MISS, &b) && b)
		fj_bool(j, "l3miss", true);
	(void)u8(r, IFLA_VXLAN_TOS, &tos);
	if (tos)
		hex(j, "tos", tos);   /* "0x1" for inherit, as ip */
	if (u8(r, IFLA_VXLAN_TTL_INHERIT, &b) && b)
		;   /* ip's JSON has no ttl then */
	else if (u8(r, IFLA_VXLAN_TTL, &b))
		fj_uint(j, "ttl", b);
	if (u8(r, IFLA_VXLAN_DF, &b)) {
		if (b == VXLAN_DF_UNSET)
			fj_str(j, "df", "unset");
		else if (b == VXLAN_DF_SET)
			fj_str(j, "df", "set");
		else if (b == VXLAN_DF_INHERIT)
			fj_str(j, "df", "inherit");
	}
	if (u32(r, IFLA_VXLAN_LABEL, &v) && v)
		hex(j, "label", ntohl(v));
	if (u32(r, IFLA_VXLAN_AGEING, &v))
		fj_uint(j, "ageing", v);
	if (u32(r, IFLA_VXLAN_LIMIT, &v) && v)
		fj_uint(j, "limit", v);
	if (u8(r, IFLA_VXLAN_UDP_CSUM, &b))
		fj_bool(j, "udp_csum", b);
	if (u8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, &b))
		fj_bool(j, "udp_zero_csum6_tx", b);
	if (u8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, &b))
		fj_bool(j, "udp_zero_csum6_rx", b);
	if (u8(r, IFLA_VXLAN_REMCSUM_TX, &b) && b)
		fj_bool(j, "remcsum_tx", true);
	if (u8(r, IFLA_VXLAN_REMCSUM_RX, &b) && b)
		fj_bool(j, "remcsum_rx", true);
	if (w_attr_find(r.p, r.len, IFLA_VXLAN_GBP, NULL))
		fj_bool(j, "gbp", true);
	if (w_attr_find(r.p, r.len, IFLA_VXLAN_GPE, NULL))
		fj_bool(j, "gpe", true);
}

/* tun (iptuntap.c): multi_queue false is printed in JSON only */
static void tun(struct fj *j, struct run r)
{
	char buf[24];
	uint8_t b;
	uint32_t v;
	const char *name;

	if (u8(r, IFLA_TUN_TYPE, &b))
		fj_str(j, "type", fmt_tun_type(b, buf, sizeof buf));
	if (u8(r, IFLA_TUN_PI, &b))
		fj_bool(j, "pi", b);
	if (u8(r, IFLA_TUN_VNET_HDR, &b))
		fj_bool(j, "vnet_hdr", b);
	if (u8(r, IFLA_TUN_MULTI_QUEUE, &b) && b) {
		fj_bool(j, "multi_queue", true);
		if (u32(r, IFLA_TUN_NUM_QUEUES, &v))
			fj_uint(j, "numqueues", v);
		if (u32(r, IFLA_TUN_NUM_DISABLED_QUEUES, &v))
			fj_uint(j, "numdisabled", v);
	} else {
		fj_bool(j, "multi_queue", false);
	}
	if (u8(r, IFLA_TUN_PERSIST, &b))
		fj_bool(j, "persist", b);
	if (u32(r, IFLA_TUN_OWNER, &v)) {
		if ((name = fmt_uid_name(v)) != NULL)
			fj_str(j, "user", name);
		else
			fj_uint(j, "user", v);
	}
	if (u32(r, IFLA_TUN_GROUP, &v)) {
		if ((name = fmt_gid_name(v)) != NULL)
			fj_str(j, "group", name);
		else
			fj_uint(j, "group", v);
	}
}

/* ---- bridges and their ports: details.c's tables ------------------------- */

/* struct ifla_bridge_id as ip prints it: "8000.a:71:5c:18:9d:87" */
static const char *brid(const uint8_t *id, char *buf, size_t len)
{
	snprintf(buf, len, "%.2x%.2x.%x:%x:%x:%x:%x:%x", id[0], id[1], id[2],
	         id[3], id[4], id[5], id[6], id[7]);
	return buf;
}

static void fwdmask_str(char *buf, size_t len, uint16_t mask)
{
	static const char *const tbl[16] = {
		[0] = "stp", [2] = "lacp", [14] = "lldp"
	};
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; mask && n < len; i++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		if (tbl[i])
			n += (size_t)snprintf(buf + n, len - n, "%s%s",
			                      n ? "," : "", tbl[i]);
		else
			n += (size_t)snprintf(buf + n, len - n, "%s0x%x",
			                      n ? "," : "", 1u << i);
	}
	if (!buf[0])
		snprintf(buf, len, "0x0");
}

static void fields(struct fj *j, const struct w_ns *ns, struct run r,
                   const struct field *f, size_t n, bool timers)
{
	static const char *const states[] = {
		"disabled", "listening", "learning", "forwarding", "blocking"
	};

	for (size_t i = 0; i < n; i++) {
		const char *key = f[i].jkey ? f[i].jkey : f[i].word;
		size_t alen;
		const uint8_t *p = w_attr_find(r.p, r.len, f[i].type, &alen);
		uint8_t b8 = 0;
		uint16_t b16 = 0;
		uint32_t b32 = 0;
		uint64_t b64 = 0;
		char buf[80];

		if (!p || (key && !key[0]) || (!timers && f[i].how == I_TIMER))
			continue;
		/* as details.c: as many bytes as the type has, short
		 * attributes read as zero */
		memcpy(&b8, p, alen < 1 ? 0 : 1);
		memcpy(&b16, p, alen < 2 ? 0 : 2);
		memcpy(&b32, p, alen < 4 ? 0 : 4);
		memcpy(&b64, p, alen < 8 ? 0 : 8);
		switch (f[i].how) {
		case I_U8: fj_uint(j, key, b8); break;
		case I_U16: fj_uint(j, key, b16); break;
		case I_U32: fj_uint(j, key, b32); break;
		case I_U64: fj_uint(j, key, b64); break;
		case I_INT16: fj_int(j, key, (int)b16); break;
		case I_INT32: fj_int(j, key, (int32_t)b32); break;
		case I_HEX16: hex(j, key, b16); break;
		case I_ONOFF: fj_bool(j, key, b8); break;
		case I_TIMER: {
			/* centiseconds, "%i.%.2i" as ip's jsonw_printf */
			unsigned long long us = 10000ULL * b64;

			snprintf(buf, sizeof buf, "%i.%.2i", (int)(us / 1000000),
			         (int)((us % 1000000) / 10000));
			fj_raw(j, key, buf);
			break;
		}
		case I_BRID:
		case I_ROOTID: {
			const uint8_t *id = p;
			size_t idlen = alen;

			if (f[i].how == I_ROOTID)
				id = w_attr_find(r.p, r.len, IFLA_BR_BRIDGE_ID,
				                 &idlen);
			if (id && idlen >= sizeof(struct ifla_bridge_id))
				fj_str(j, key, brid(id, buf, sizeof buf));
			break;
		}
		case I_MAC:
			fj_str(j, key, fmt_mac(p, (int)alen, buf, sizeof buf));
			break;
		case I_PORTSTATE:
			if (b8 <= 4)
				fj_str(j, "state", states[b8]);
			else
				fj_int(j, "state_index", b8);
			break;
		case I_FWDMASK:
			hex(j, "group_fwd_mask", b16);
			fwdmask_str(buf, sizeof buf, b16);
			fj_str(j, "group_fwd_mask_str", buf);
			break;
		case I_IFNAME:
			fj_str(j, key, ifname(ns, (int)b32, buf, sizeof buf));
			break;
		case I_BOOLOPT: {
			struct br_boolopt_multi bm;
			uint32_t ll = 1u << BR_BOOLOPT_NO_LL_LEARN;
			uint32_t vs = 1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING;

			if (alen < sizeof bm)
				break;
			memcpy(&bm, p, sizeof bm);
			if (bm.optmask & ll)
				fj_uint(j, "no_linklocal_learn", !!(bm.optval & ll));
			if (bm.optmask & vs)
				fj_uint(j, "mcast_vlan_snooping", !!(bm.optval & vs));
			break;
		}
		case I_VLANPROTO:
			fj_str(j, key, proto(b16, buf, sizeof buf));
			break;
		}
	}
}

/* The kinds nsviz prints (ip's print_opt): the object under key, empty
 * without data; nothing for a kind ip has no printer for */
static void kind(struct fj *j, const struct w_ns *ns, const char *k,
                 struct run r, bool data, const char *key, bool timers)
{
	enum { NONE, MACVLAN, IPVLAN, VLAN, VXLAN, TUN, BRIDGE, PORT } w = NONE;

	if (!strcmp(k, "macvlan") || !strcmp(k, "macvtap"))
		w = MACVLAN;
	else if (!strcmp(k, "ipvlan") || !strcmp(k, "ipvtap"))
		w = IPVLAN;
	else if (!strcmp(k, "vlan"))
		w = VLAN;
	else if (!strcmp(k, "vxlan"))
		w = VXLAN;
	else if (!strcmp(k, "tun"))
		w = TUN;
	else if (!strcmp(k, "bridge"))
		w = BRIDGE;
	else if (!strcmp(k, "bridge_slave"))
		w = PORT;
	if (w == NONE)
		return;
	fj_open_obj(j, key);
	if (data) {
		switch (w) {
		case MACVLAN: macvlan(j, r); break;
		case IPVLAN: ipvlan(j, r); break;
		case VLAN: vlan(j, r); break;
		case VXLAN: vxlan(j, ns, r); break;
		case TUN: tun(j, r); break;
		case BRIDGE:
			fields(j, ns, r, fmt_bridge_fields, fmt_bridge_nfields,
			       timers);
			break;
		case PORT:
			fields(j, ns, r, fmt_bridge_slave_fields,
			       fmt_bridge_slave_nfields, timers);
			break;
		case NONE: break;
		}
	}
	fj_close_obj(j);
}

static void linkinfo(struct fj *j, const struct w_ns *ns,
                     const struct w_link *l)
{
	fj_open_obj(j, "linkinfo");
	if (l->kind[0]) {
		struct run r = { l->info_data, l->info_data_len };

		fj_str(j, "info_kind", l->kind);
		kind(j, ns, l->kind, r, l->d_has & W_D_INFO_DATA, "info_data",
		     true);
	}
	if (l->slave_kind[0]) {
		struct run r = { l->slave_data, l->slave_data_len };
		char slave[40];

		fj_str(j, "info_slave_kind", l->slave_kind);
		snprintf(slave, sizeof slave, "%s_slave", l->slave_kind);
		kind(j, ns, slave, r, l->d_has & W_D_SLAVE_DATA,
		     "info_slave_data", true);
	}
	fj_close_obj(j);
}

void fj_linkinfo_show(struct fj *j, const struct w_ns *ns,
                      const struct w_link *l)
{
	fj_open_obj(j, "linkinfo");
	if (l->kind[0]) {
		struct run r = { l->info_data, l->info_data_len };

		fj_str(j, "info_kind", l->kind);
		if (l->d_has & W_D_INFO_DATA)
			kind(j, ns, l->kind, r, true, "info_data", false);
	}
	if (l->slave_kind[0]) {
		struct run r = { l->slave_data, l->slave_data_len };
		char slave[40];

		fj_str(j, "info_slave_kind", l->slave_kind);
		snprintf(slave, sizeof slave, "%s_slave", l->slave_kind);
		if (l->d_has & W_D_SLAVE_DATA)
			kind(j, ns, slave, r, true, "info_slave_data", false);
	}
	fj_close_obj(j);
}

static const char *addrgenmode(uint8_t mode, char *buf, size_t len)
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

void fj_link_details(struct fj *j, const struct w_ns *ns,
                     const struct w_link *l, bool do_link)
{
	static const struct { unsigned bit; size_t off; const char *key; } q[] = {
		{ W_D_NUM_TXQ, offsetof(struct w_link, num_tx_queues),
		  "num_tx_queues" },
		{ W_D_NUM_RXQ, offsetof(struct w_link, num_rx_queues),
		  "num_rx_queues" },
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
	const struct w_link_phys *p = l->phys;
	char buf[16], hx[72];

	if (l->d_has & W_D_PROMISC)
		fj_uint(j, "promiscuity", l->promiscuity);
	if (l->d_has & W_D_ALLMULTI)
		fj_uint(j, "allmulti", l->allmulti);
	if (l->d_has & W_D_MIN_MTU)
		fj_uint(j, "min_mtu", l->min_mtu);
	if (l->d_has & W_D_MAX_MTU)
		fj_uint(j, "max_mtu", l->max_mtu);
	if (l->d_has & W_D_LINKINFO)
		linkinfo(j, ns, l);
	if (do_link && (l->d_has & W_D_ADDRGENMODE))
		fj_str(j, "inet6_addr_gen_mode",
		       addrgenmode(l->addrgenmode, buf, sizeof buf));
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
		if (l->d_has & q[i].bit) {
			uint32_t v;

			memcpy(&v, (const char *)l + q[i].off, sizeof v);
			fj_uint(j, q[i].key, v);
		}
	if (p && p->phys_port_name[0])
		fj_str(j, "phys_port_name", p->phys_port_name);
	if (p && p->phys_port_id_len)
		fj_str(j, "phys_port_id", fmt_hexstring(p->phys_port_id,
		       p->phys_port_id_len, hx, sizeof hx));
	if (p && p->phys_switch_id_len)
		fj_str(j, "phys_switch_id", fmt_hexstring(p->phys_switch_id,
		       p->phys_switch_id_len, hx, sizeof hx));
	if (p && p->parentbus[0])
		fj_str(j, "parentbus", p->parentbus);
	if (p && p->parentdev[0])
		fj_str(j, "parentdev", p->parentdev);
}

/* The kinds ip 6.1 prints options for (a print_opt) that nsviz does not:
 * their "info_data" would differ from ip's, so -d -j refuses them */
static bool unprintable(const char *kind)
{
	static const char *const k[] = {
		"amt", "bareudp", "bond", "bond_slave", "can", "dsa", "erspan",
		"geneve", "gre", "gretap", "gtp", "hsr", "ip6erspan", "ip6gre",
		"ip6gretap", "ip6tnl", "ipip", "ipoib", "macsec", "rmnet", "sit",
		"vrf", "vrf_slave", "vti", "vti6", "wwan", "xfrm",
	};

	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (!strcmp(kind, k[i]))
			return true;
	return false;
}

bool fj_details_unprintable(const struct w_link *l, char *kind, size_t len)
{
	char slave[40];

	if (!(l->d_has & W_D_LINKINFO))
		return false;
	snprintf(slave, sizeof slave, "%s_slave", l->slave_kind);
	if (l->kind[0] && unprintable(l->kind))
		snprintf(kind, len, "%s", l->kind);
	else if (l->slave_kind[0] && unprintable(slave))
		snprintf(kind, len, "%s", slave);
	else
		return false;
	return true;
}
