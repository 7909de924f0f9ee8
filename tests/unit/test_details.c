/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_details.c - `ip -d link show` text (fmt/details.c), the link
 * filters of `ip link show up|type KIND` (fmt/linkfilter.c) and the
 * attribute runs the world keeps (world/linkinfo.c).
 *
 * Expected strings are what iproute2 6.1 printed here (Debian 12, kernel
 * 6.18) for links made in a throwaway namespace; the kinds this kernel
 * lacks (vlan, ipvlan, dummy) are what `ip -d monitor file F` 6.1 printed
 * for RTM_NEWLINK messages holding the attributes below.  The attribute
 * runs hold what the kernel sent for those links.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt/fmt.h"
#include "fmt/json.h"
#include "util/sbuf.h"
#include "world/world.h"

#define F_DOWN (IFF_BROADCAST | IFF_MULTICAST)
#define F_UP (F_DOWN | IFF_UP | IFF_RUNNING | IFF_LOWER_UP)

static struct world *W;
static struct w_ns *NS;
static struct sbuf OUT = SBUF_INIT;

/* ---- building attribute runs -------------------------------------------- */

struct run {
	uint8_t *buf;
	size_t cap;
	uint16_t *len;
};

static void put(struct run r, int type, const void *p, size_t n)
{
	struct nlattr h = { .nla_len = (uint16_t)(NLA_HDRLEN + n),
	                    .nla_type = (uint16_t)type };
	size_t off = *r.len;

	assert_true(off + NLA_ALIGN(NLA_HDRLEN + n) <= r.cap);
	memcpy(r.buf + off, &h, sizeof h);
	if (n)
		memcpy(r.buf + off + NLA_HDRLEN, p, n);
	memset(r.buf + off + NLA_HDRLEN + n, 0,
	       NLA_ALIGN(NLA_HDRLEN + n) - NLA_HDRLEN - n);
	*r.len = (uint16_t)(off + NLA_ALIGN(NLA_HDRLEN + n));
}

static void p8(struct run r, int t, uint8_t v) { put(r, t, &v, 1); }
static void p16(struct run r, int t, uint16_t v) { put(r, t, &v, 2); }
static void p32(struct run r, int t, uint32_t v) { put(r, t, &v, 4); }
static void p64(struct run r, int t, uint64_t v) { put(r, t, &v, 8); }
static void pbe16(struct run r, int t, uint16_t v) { p16(r, t, htons(v)); }

static void pip(struct run r, int t, int family, const char *s)
{
	uint8_t a[16];

	assert_int_equal(inet_pton(family, s, a), 1);
	put(r, t, a, family == AF_INET ? 4 : 16);
}

/* A link's runs are built in place, in buffers of the test's own (the
 * group's teardown frees them), as the kernel's message would hold them */
#define RUN_CAP 2048
static uint8_t *RUNS[64];
static size_t NRUNS;

static uint8_t *run_buf(uint8_t *have)
{
	if (have)
		return have;
	assert_true(NRUNS < sizeof RUNS / sizeof RUNS[0]);
	return RUNS[NRUNS++] = xcalloc(1, RUN_CAP);
}

static struct run data(struct w_link *l)
{
	l->d_has |= W_D_INFO_DATA;
	l->info_data = run_buf(l->info_data);
	return (struct run){ l->info_data, RUN_CAP, &l->info_data_len };
}

static struct run slave(struct w_link *l, const char *kind)
{
	snprintf(l->slave_kind, sizeof l->slave_kind, "%s", kind);
	l->d_has |= W_D_SLAVE_DATA;
	l->slave_data = run_buf(l->slave_data);
	return (struct run){ l->slave_data, RUN_CAP, &l->slave_data_len };
}

static void set_alias(struct w_link *l, const char *s)
{
	w_link_set_alias(l, s, strlen(s));
}

static int parse_mac(uint8_t *out, const char *s)
{
	int n = 0;
	unsigned b;

	while (*s && sscanf(s, "%2x", &b) == 1) {
		out[n++] = (uint8_t)b;
		s += 2;
		if (*s == ':')
			s++;
	}
	return n;
}

/* A link as this kernel reports a virtual device of kind `kind`: the
 * numbers every one of them had here (one queue, 64 KiB GSO, ...). */
static struct w_link base(int ifindex, const char *name, const char *kind,
                          const char *mac)
{
	struct w_link l;

	memset(&l, 0, sizeof l);
	l.ifindex = ifindex;
	snprintf(l.name, sizeof l.name, "%s", name);
	snprintf(l.kind, sizeof l.kind, "%s", kind);
	l.flags = F_DOWN;
	l.mtu = 1500;
	snprintf(l.qdisc, sizeof l.qdisc, "noop");
	l.operstate = IF_OPER_DOWN;
	l.linkmode = 0;
	l.txqlen = 1000;
	l.arptype = ARPHRD_ETHER;
	l.addr_len = parse_mac(l.addr, mac);
	l.brd_len = parse_mac(l.brd, "ff:ff:ff:ff:ff:ff");
	l.peer_ns_id = -1;
	l.d_has = W_D_PROMISC | W_D_ALLMULTI | W_D_MIN_MTU | W_D_MAX_MTU |
	          W_D_NUM_TXQ | W_D_NUM_RXQ | W_D_GSO_SIZE | W_D_GSO_SEGS |
	          W_D_TSO_SIZE | W_D_TSO_SEGS | W_D_GRO_SIZE | W_D_PROTO_DOWN |
	          W_D_ADDRGENMODE | (kind[0] ? W_D_LINKINFO : 0);
	l.min_mtu = 68;
	l.max_mtu = 65535;
	l.num_tx_queues = l.num_rx_queues = 1;
	l.gso_max_size = 65536;
	l.gso_max_segs = 65535;
	l.tso_max_size = 524280;
	l.tso_max_segs = 65535;
	l.gro_max_size = 65536;
	return l;
}

static struct w_link *put_link(struct w_link l)
{
	struct w_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	ev.u.link = l;
	world_apply(W, NS, &ev);
	return world_find_link_index(NS, l.ifindex);
}

static void veth_pair(void)
{
	struct w_link a = base(2, "veth1", "veth", "ae:b4:25:12:3d:6b");
	struct w_link b = base(3, "veth0", "veth", "3a:91:36:a8:84:ab");

	a.has_iflink = b.has_iflink = 1;
	a.iflink = 3;
	b.iflink = 2;
	a.num_tx_queues = a.num_rx_queues = 2;
	b.num_tx_queues = b.num_rx_queues = 2;
	put_link(a);
	put_link(b);
}

static int setup(void **state)
{
	(void)state;
	W = world_new();
	NS = world_add_ns(W, W_NS_HOST, "", 4, 4026531840u);
	veth_pair();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	world_free(W);
	sbuf_free(&OUT);
	while (NRUNS)
		free(RUNS[--NRUNS]);
	return 0;
}

static const char *show_d(const struct w_link *l)
{
	sbuf_reset(&OUT);
	fmt_link_d(&OUT, NS, l);
	return sbuf_str(&OUT);
}

#define TAIL_Q "numtxqueues 1 numrxqueues 1 gso_max_size 65536 " \
	"gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 " \
	"gro_max_size 65536 "
#define HEAD_D "promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"

/* ---- the kinds this kernel has -------------------------------------------- */

static void test_lo(void **state)
{
	struct w_link l = base(1, "lo", "", "00:00:00:00:00:00");

	(void)state;
	l.flags = IFF_LOOPBACK | IFF_UP | IFF_RUNNING | IFF_LOWER_UP;
	l.operstate = IF_OPER_UNKNOWN;
	snprintf(l.qdisc, sizeof l.qdisc, "noqueue");
	l.mtu = 65536;
	l.arptype = ARPHRD_LOOPBACK;
	l.brd_len = parse_mac(l.brd, "00:00:00:00:00:00");
	l.min_mtu = l.max_mtu = 0;
	assert_string_equal(show_d(&l),
		"1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00 promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 addrgenmode eui64 " TAIL_Q "\n");
}

static void test_veth(void **state)
{
	(void)state;
	assert_string_equal(show_d(world_find_link(NS, "veth0")),
		"3: veth0@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 3a:91:36:a8:84:ab brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    veth addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 \n");
}

static void test_veth_other_ns(void **state)
{
	struct w_link l = base(17, "vo", "veth", "ca:8d:63:3c:e2:f6");
	struct w_ns *other;

	(void)state;
	l.has_iflink = 1;
	l.iflink = 2;
	l.has_link_netnsid = 1;
	l.link_netnsid = 0;
	l.num_tx_queues = l.num_rx_queues = 2;
	/* the name is the named namespace that nsid 0 stands for here */
	other = world_add_ns(W, W_NS_NAMED, "other", 4, 4026532000u);
	world_set_nsid(NS, 0, other->id);
	assert_string_equal(show_d(&l),
		"17: vo@if2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether ca:8d:63:3c:e2:f6 brd ff:ff:ff:ff:ff:ff link-netns other " HEAD_D
		"    veth addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 \n");
	world_remove_ns(W, other);
	assert_non_null(strstr(show_d(&l), " link-netnsid 0 "));
	world_set_nsid(NS, 0, -1);
}

static void bridge_data(struct w_link *l, const uint8_t *id, uint16_t fwd,
                        uint8_t snoop, uint32_t boolval)
{
	struct run r = data(l);
	struct br_boolopt_multi bm = { .optval = boolval, .optmask = 3 };
	static const uint8_t group[6] = { 0x01, 0x80, 0xc2, 0, 0, 0 };

	p32(r, IFLA_BR_FORWARD_DELAY, 1500);
	p32(r, IFLA_BR_HELLO_TIME, 200);
	p32(r, IFLA_BR_MAX_AGE, 2000);
	p32(r, IFLA_BR_AGEING_TIME, 30000);
	p32(r, IFLA_BR_STP_STATE, 0);
	p16(r, IFLA_BR_PRIORITY, 32768);
	p8(r, IFLA_BR_VLAN_FILTERING, 0);
	p16(r, IFLA_BR_GROUP_FWD_MASK, fwd);
	put(r, IFLA_BR_BRIDGE_ID, id, 8);
	put(r, IFLA_BR_ROOT_ID, id, 8);
	p16(r, IFLA_BR_ROOT_PORT, 0);
	p32(r, IFLA_BR_ROOT_PATH_COST, 0);
	p8(r, IFLA_BR_TOPOLOGY_CHANGE, 0);
	p8(r, IFLA_BR_TOPOLOGY_CHANGE_DETECTED, 0);
	p64(r, IFLA_BR_HELLO_TIMER, 0);
	p64(r, IFLA_BR_TCN_TIMER, 0);
	p64(r, IFLA_BR_TOPOLOGY_CHANGE_TIMER, 0);
	p64(r, IFLA_BR_GC_TIMER, 0);
	put(r, IFLA_BR_GROUP_ADDR, group, 6);
	p8(r, IFLA_BR_MCAST_ROUTER, 1);
	p8(r, IFLA_BR_MCAST_SNOOPING, snoop);
	put(r, IFLA_BR_MULTI_BOOLOPT, &bm, sizeof bm);
	p8(r, IFLA_BR_MCAST_QUERY_USE_IFADDR, 0);
	p8(r, IFLA_BR_MCAST_QUERIER, 0);
	p8(r, IFLA_BR_MCAST_STATS_ENABLED, 0);
	p32(r, IFLA_BR_MCAST_HASH_ELASTICITY, 16);
	p32(r, IFLA_BR_MCAST_HASH_MAX, 4096);
	p32(r, IFLA_BR_MCAST_LAST_MEMBER_CNT, 2);
	p32(r, IFLA_BR_MCAST_STARTUP_QUERY_CNT, 2);
	p8(r, IFLA_BR_MCAST_IGMP_VERSION, 2);
	p8(r, IFLA_BR_MCAST_MLD_VERSION, 1);
	p64(r, IFLA_BR_MCAST_LAST_MEMBER_INTVL, 100);
	p64(r, IFLA_BR_MCAST_MEMBERSHIP_INTVL, 26000);
	p64(r, IFLA_BR_MCAST_QUERIER_INTVL, 25500);
	p64(r, IFLA_BR_MCAST_QUERY_INTVL, 12500);
	p64(r, IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, 1000);
	p64(r, IFLA_BR_MCAST_STARTUP_QUERY_INTVL, 3124);
	p8(r, IFLA_BR_NF_CALL_IPTABLES, 0);
	p8(r, IFLA_BR_NF_CALL_IP6TABLES, 0);
	p8(r, IFLA_BR_NF_CALL_ARPTABLES, 0);
}

#define BR_MCAST "mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 "

static void test_bridge(void **state)
{
	static const uint8_t id0[8] = { 0x80, 0 };
	struct w_link l = base(4, "br0", "bridge", "b2:cd:db:92:ca:6f");

	(void)state;
	l.tso_max_size = 65536;
	bridge_data(&l, id0, 0, 1, 0);
	assert_string_equal(show_d(&l),
		"4: br0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether b2:cd:db:92:ca:6f brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id 8000.0:0:0:0:0:0 designated_root 8000.0:0:0:0:0:0 root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 " BR_MCAST
		"addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n");
}

static const uint8_t ID1[8] = { 0x80, 0x00, 0x2a, 0x52, 0x86, 0x4a, 0x1a, 0x24 };

static void test_bridge_options(void **state)
{
	struct w_link l = base(14, "br1", "bridge", "2a:52:86:4a:1a:24");

	(void)state;
	bridge_data(&l, ID1, 8, 0, 1);
	assert_string_equal(show_d(&l),
		"14: br1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 2a:52:86:4a:1a:24 brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id 8000.2a:52:86:4a:1a:24 designated_root 8000.2a:52:86:4a:1a:24 root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00 group_fwd_mask 0x8 group_address 01:80:c2:00:00:00 mcast_snooping 0 no_linklocal_learn 1 mcast_vlan_snooping 0 " BR_MCAST
		"addrgenmode eui64 " TAIL_Q "\n");
}

static void test_bridge_port(void **state)
{
	struct w_link br = base(14, "br1", "bridge", "2a:52:86:4a:1a:24");
	struct w_link l = base(16, "va", "veth", "2a:52:86:4a:1a:24");
	struct w_link vb = base(15, "vb", "veth", "7a:a4:50:cb:e2:cb");
	struct run r;

	(void)state;
	put_link(br);
	vb.has_iflink = 1;
	vb.iflink = 16;
	vb.flags = F_UP;
	put_link(vb);
	l.has_iflink = 1;
	l.iflink = 15;
	l.master = 14;
	l.promiscuity = l.allmulti = 1;
	l.num_tx_queues = l.num_rx_queues = 2;
	/* the kernel sent no IFLA_INFO_DATA for this veth */
	r = slave(&l, "bridge");
	p8(r, IFLA_BRPORT_STATE, 3);
	p16(r, IFLA_BRPORT_PRIORITY, 32);
	p32(r, IFLA_BRPORT_COST, 2);
	p8(r, IFLA_BRPORT_MODE, 0);
	p8(r, IFLA_BRPORT_GUARD, 0);
	p8(r, IFLA_BRPORT_PROTECT, 0);
	p8(r, IFLA_BRPORT_FAST_LEAVE, 0);
	p8(r, IFLA_BRPORT_MCAST_TO_UCAST, 0);
	p8(r, IFLA_BRPORT_LEARNING, 1);
	p8(r, IFLA_BRPORT_UNICAST_FLOOD, 1);
	p8(r, IFLA_BRPORT_MCAST_FLOOD, 1);
	p8(r, IFLA_BRPORT_BCAST_FLOOD, 1);
	p8(r, IFLA_BRPORT_PROXYARP, 0);
	p8(r, IFLA_BRPORT_PROXYARP_WIFI, 0);
	put(r, IFLA_BRPORT_ROOT_ID, ID1, 8);
	put(r, IFLA_BRPORT_BRIDGE_ID, ID1, 8);
	p16(r, IFLA_BRPORT_DESIGNATED_PORT, 32769);
	p16(r, IFLA_BRPORT_DESIGNATED_COST, 0);
	p16(r, IFLA_BRPORT_ID, 0x8001);
	p16(r, IFLA_BRPORT_NO, 1);
	p8(r, IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, 0);
	p8(r, IFLA_BRPORT_CONFIG_PENDING, 0);
	p64(r, IFLA_BRPORT_MESSAGE_AGE_TIMER, 0);
	p64(r, IFLA_BRPORT_FORWARD_DELAY_TIMER, 1478);
	p64(r, IFLA_BRPORT_HOLD_TIMER, 0);
	p8(r, IFLA_BRPORT_MULTICAST_ROUTER, 1);
	p16(r, IFLA_BRPORT_GROUP_FWD_MASK, 0);
	p8(r, IFLA_BRPORT_NEIGH_SUPPRESS, 0);
	p8(r, IFLA_BRPORT_ISOLATED, 0);
	p8(r, IFLA_BRPORT_LOCKED, 0);
	p8(r, IFLA_BRPORT_VLAN_TUNNEL, 0);
	l.flags = F_UP;
	l.operstate = IF_OPER_UP;
	snprintf(l.qdisc, sizeof l.qdisc, "noqueue");
	assert_string_equal(show_d(&l),
		"16: va@vb: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br1 state UP mode DEFAULT group default qlen 1000\n"
		"    link/ether 2a:52:86:4a:1a:24 brd ff:ff:ff:ff:ff:ff promiscuity 1  allmulti 1 minmtu 68 maxmtu 65535 \n"
		"    veth \n"
		"    bridge_slave state forwarding priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on port_id 0x8001 port_no 0x1 designated_port 32769 designated_cost 0 designated_bridge 8000.2a:52:86:4a:1a:24 designated_root 8000.2a:52:86:4a:1a:24 hold_timer    0.00 message_age_timer    0.00 forward_delay_timer   14.78 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 vlan_tunnel off isolated off locked off addrgenmode eui64 numtxqueues 2 numrxqueues 2 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 \n");
}

static struct w_link macvlan(int ifindex, const char *name, const char *mac,
                             uint32_t mode, int lower)
{
	struct w_link l = base(ifindex, name, "macvlan", mac);
	struct run r = data(&l);

	l.has_iflink = 1;
	l.iflink = lower;
	p32(r, IFLA_MACVLAN_MODE, mode);
	p16(r, IFLA_MACVLAN_FLAGS, 0);
	if (mode == MACVLAN_MODE_SOURCE)
		p32(r, IFLA_MACVLAN_MACADDR_COUNT, 0);
	p32(r, IFLA_MACVLAN_BC_QUEUE_LEN, 1000);
	p32(r, IFLA_MACVLAN_BC_QUEUE_LEN_USED, 1000);
	return l;
}

static void test_macvlan(void **state)
{
	struct w_link l = macvlan(5, "mv0", "1a:51:56:ef:38:47",
	                          MACVLAN_MODE_BRIDGE, 3);

	(void)state;
	l.flags |= IFF_PROMISC;
	l.promiscuity = 1;
	assert_string_equal(show_d(&l),
		"5: mv0@veth0: <BROADCAST,MULTICAST,PROMISC,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 1a:51:56:ef:38:47 brd ff:ff:ff:ff:ff:ff promiscuity 1  allmulti 0 minmtu 68 maxmtu 65535 \n"
		"    macvlan mode bridge bcqueuelen 1000 usedbcqueuelen 1000 addrgenmode eui64 " TAIL_Q "\n");
	l = macvlan(6, "mv1", "de:34:4f:3d:49:01", MACVLAN_MODE_PRIVATE, 3);
	assert_string_equal(show_d(&l),
		"6: mv1@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether de:34:4f:3d:49:01 brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    macvlan mode private bcqueuelen 1000 usedbcqueuelen 1000 addrgenmode eui64 " TAIL_Q "\n");
	l = macvlan(7, "mv2", "82:43:9d:4e:06:ce", MACVLAN_MODE_SOURCE, 2);
	assert_string_equal(show_d(&l),
		"7: mv2@veth1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 82:43:9d:4e:06:ce brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    macvlan mode source bcqueuelen 1000 usedbcqueuelen 1000 remotes (0) addrgenmode eui64 " TAIL_Q "\n");
}

/* the attributes the kernel sends for every vxlan, in its order */
static void vxlan_common(struct run r, uint8_t learning, uint8_t csum,
                         uint8_t tx6)
{
	struct ifla_vxlan_port_range pr = { 0, 0 };

	p8(r, IFLA_VXLAN_LEARNING, learning);
	p8(r, IFLA_VXLAN_PROXY, 0);
	p8(r, IFLA_VXLAN_RSC, 0);
	p8(r, IFLA_VXLAN_L2MISS, 0);
	p8(r, IFLA_VXLAN_L3MISS, 0);
	p8(r, IFLA_VXLAN_COLLECT_METADATA, 0);
	p32(r, IFLA_VXLAN_AGEING, 300);
	p32(r, IFLA_VXLAN_LIMIT, 0);
	put(r, IFLA_VXLAN_PORT_RANGE, &pr, sizeof pr);
	p8(r, IFLA_VXLAN_UDP_CSUM, csum);
	p8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, tx6);
	p8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 0);
	p8(r, IFLA_VXLAN_REMCSUM_TX, 0);
	p8(r, IFLA_VXLAN_REMCSUM_RX, 0);
	p8(r, IFLA_VXLAN_DF, 0);
}

static void test_vxlan(void **state)
{
	struct w_link l = base(8, "vx0", "vxlan", "36:64:32:2b:5f:f0");
	struct run r = data(&l);

	(void)state;
	l.mtu = 1450;
	set_alias(&l, "hello world");
	p32(r, IFLA_VXLAN_ID, 42);
	pip(r, IFLA_VXLAN_GROUP, AF_INET, "10.0.0.2");
	p32(r, IFLA_VXLAN_LINK, 3);
	pip(r, IFLA_VXLAN_LOCAL, AF_INET, "10.0.0.1");
	p8(r, IFLA_VXLAN_TTL, 10);
	p8(r, IFLA_VXLAN_TTL_INHERIT, 0);
	p8(r, IFLA_VXLAN_TOS, 0);
	p32(r, IFLA_VXLAN_LABEL, 0);
	vxlan_common(r, 1, 1, 0);
	pbe16(r, IFLA_VXLAN_PORT, 4789);
	assert_string_equal(show_d(&l),
		"8: vx0: <BROADCAST,MULTICAST> mtu 1450 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 36:64:32:2b:5f:f0 brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    vxlan id 42 remote 10.0.0.2 local 10.0.0.1 dev veth0 srcport 0 0 dstport 4789 ttl 10 ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 " TAIL_Q "\n"
		"    alias hello world\n");
	w_link_set_alias(&l, "", 0);
}

static void test_vxlan_group(void **state)
{
	struct w_link l = base(9, "vx1", "vxlan", "d6:b2:01:e4:6a:3e");
	struct run r = data(&l);

	(void)state;
	l.mtu = 1450;
	p32(r, IFLA_VXLAN_ID, 43);
	pip(r, IFLA_VXLAN_GROUP, AF_INET, "239.1.1.1");
	p32(r, IFLA_VXLAN_LINK, 3);
	p8(r, IFLA_VXLAN_TTL, 0);
	p8(r, IFLA_VXLAN_TTL_INHERIT, 0);
	p8(r, IFLA_VXLAN_TOS, 0);
	vxlan_common(r, 1, 1, 0);
	pbe16(r, IFLA_VXLAN_PORT, 8472);
	assert_string_equal(show_d(&l),
		"9: vx1: <BROADCAST,MULTICAST> mtu 1450 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether d6:b2:01:e4:6a:3e brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    vxlan id 43 group 239.1.1.1 dev veth0 srcport 0 0 dstport 8472 ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 " TAIL_Q "\n");
}

static void test_vxlan_ipv6_options(void **state)
{
	struct w_link l = base(10, "vx2", "vxlan", "f2:eb:11:a7:77:04");
	struct run r = data(&l);

	(void)state;
	l.tso_max_size = 65536;
	p32(r, IFLA_VXLAN_ID, 44);
	pip(r, IFLA_VXLAN_GROUP6, AF_INET6, "fd00::2");
	pip(r, IFLA_VXLAN_LOCAL6, AF_INET6, "fd00::1");
	p8(r, IFLA_VXLAN_TTL, 0);
	p8(r, IFLA_VXLAN_TTL_INHERIT, 1);
	p8(r, IFLA_VXLAN_TOS, 1);
	p32(r, IFLA_VXLAN_LABEL, htonl(5));
	vxlan_common(r, 0, 1, 0);
	pbe16(r, IFLA_VXLAN_PORT, 4789);
	assert_string_equal(show_d(&l),
		"10: vx2: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether f2:eb:11:a7:77:04 brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    vxlan id 44 remote fd00::2 local fd00::1 srcport 0 0 dstport 4789 nolearning tos inherit ttl inherit flowlabel 0x5 ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n");
}

static void test_vxlan_flags(void **state)
{
	struct w_link l = base(12, "vx4", "vxlan", "7a:1d:06:c9:1d:1c");
	struct run r = data(&l);
	struct ifla_vxlan_port_range pr = { htons(1000), htons(2000) };

	(void)state;
	l.tso_max_size = 65536;
	p32(r, IFLA_VXLAN_ID, 45);
	p8(r, IFLA_VXLAN_TTL, 0);
	p8(r, IFLA_VXLAN_LEARNING, 1);
	p8(r, IFLA_VXLAN_PROXY, 1);
	p8(r, IFLA_VXLAN_L2MISS, 1);
	p8(r, IFLA_VXLAN_L3MISS, 1);
	p32(r, IFLA_VXLAN_AGEING, 300);
	put(r, IFLA_VXLAN_PORT_RANGE, &pr, sizeof pr);
	p8(r, IFLA_VXLAN_UDP_CSUM, 1);
	p8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, 0);
	p8(r, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, 0);
	p8(r, IFLA_VXLAN_DF, VXLAN_DF_SET);
	put(r, IFLA_VXLAN_GBP, NULL, 0);
	pbe16(r, IFLA_VXLAN_PORT, 4789);
	assert_string_equal(show_d(&l),
		"12: vx4: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 7a:1d:06:c9:1d:1c brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    vxlan id 45 srcport 1000 2000 dstport 4789 proxy l2miss l3miss ttl auto df set ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx gbp addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n");
}

static void test_vxlan_external(void **state)
{
	struct w_link l = base(13, "vx3", "vxlan", "66:96:c3:08:5b:45");
	struct run r = data(&l);

	(void)state;
	l.tso_max_size = 65536;
	p32(r, IFLA_VXLAN_ID, 0);
	p8(r, IFLA_VXLAN_TTL, 0);
	vxlan_common(r, 0, 1, 0);
	p8(r, IFLA_VXLAN_COLLECT_METADATA, 1);   /* the first one counts */
	assert_string_equal(show_d(&l) + strlen("13: vx3: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 66:96:c3:08:5b:45 brd ff:ff:ff:ff:ff:ff " HEAD_D),
		"    vxlan id 0 srcport 0 0 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n");
}

/* ---- kinds this kernel lacks: ip -d monitor file's text ----------------- */

/* ip monitor prints what `ip -d addr show` would: no "mode", no
 * addrgenmode, no qlen; fmt_addr_link_details is that variant */
static const char *addr_d(const struct w_link *l)
{
	sbuf_reset(&OUT);
	fmt_addr_link_details(&OUT, NS, l);
	return sbuf_str(&OUT);
}

static void test_vlan(void **state)
{
	struct w_link l = base(20, "veth0.10", "vlan", "02:00:00:00:00:0a");
	struct run r = data(&l);
	struct ifla_vlan_flags f = { VLAN_FLAG_REORDER_HDR, 0xffffffff };

	(void)state;
	l.has_iflink = 1;
	l.iflink = 3;
	pbe16(r, IFLA_VLAN_PROTOCOL, 0x8100);
	p16(r, IFLA_VLAN_ID, 10);
	put(r, IFLA_VLAN_FLAGS, &f, sizeof f);
	assert_string_equal(addr_d(&l),
		" promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"
		"    vlan protocol 802.1Q id 10 <REORDER_HDR> " TAIL_Q);
	/* and in `ip -d link show`, addrgenmode after the kind's line */
	assert_string_equal(show_d(&l),
		"20: veth0.10@veth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff " HEAD_D
		"    vlan protocol 802.1Q id 10 <REORDER_HDR> addrgenmode eui64 " TAIL_Q "\n");
}

static void test_vlan_maps(void **state)
{
	struct w_link l = base(21, "veth0.20", "vlan", "02:00:00:00:00:0a");
	struct run r = data(&l);
	struct ifla_vlan_flags f = { 7, 0xffffffff };
	struct ifla_vlan_qos_mapping m[2] = { { 1, 2 }, { 3, 4 } }, m5 = { 5, 6 };
	uint8_t nest[64];
	uint16_t nlen = 0;
	struct run n = { nest, sizeof nest, &nlen };

	(void)state;
	pbe16(r, IFLA_VLAN_PROTOCOL, 0x88a8);
	p16(r, IFLA_VLAN_ID, 20);
	put(r, IFLA_VLAN_FLAGS, &f, sizeof f);
	put(n, IFLA_VLAN_QOS_MAPPING, &m[0], sizeof m[0]);
	put(n, IFLA_VLAN_QOS_MAPPING, &m[1], sizeof m[1]);
	put(r, IFLA_VLAN_EGRESS_QOS | NLA_F_NESTED, nest, nlen);
	nlen = 0;
	put(n, IFLA_VLAN_QOS_MAPPING, &m5, sizeof m5);
	put(r, IFLA_VLAN_INGRESS_QOS | NLA_F_NESTED, nest, nlen);
	assert_string_equal(addr_d(&l),
		" promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"
		"    vlan protocol 802.1ad id 20 <REORDER_HDR,GVRP,LOOSE_BINDING> \n"
		"      ingress-qos-map { 5:6 } \n"
		"      egress-qos-map { 1:2 3:4 } " TAIL_Q);
}

static void test_ipvlan(void **state)
{
	static const struct { uint16_t mode, flags; const char *want; } c[] = {
		{ IPVLAN_MODE_L2, 0, "mode l2 bridge " },
		{ IPVLAN_MODE_L3, IPVLAN_F_PRIVATE, "mode l3 private " },
		{ IPVLAN_MODE_L3S, IPVLAN_F_VEPA, "mode l3s vepa " },
	};

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct w_link l = base(22, "ipv0", "ipvlan", "02:00:00:00:00:0a");
		struct run r = data(&l);
		char want[512];

		p16(r, IFLA_IPVLAN_MODE, c[i].mode);
		p16(r, IFLA_IPVLAN_FLAGS, c[i].flags);
		snprintf(want, sizeof want,
		         " promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"
		         "    ipvlan  %s" TAIL_Q, c[i].want);
		assert_string_equal(addr_d(&l), want);
	}
}

static void test_dummy(void **state)
{
	struct w_link l = base(25, "d0", "dummy", "02:00:00:00:00:0a");

	(void)state;
	assert_string_equal(addr_d(&l),
		" promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n"
		"    dummy " TAIL_Q);
}

/* ---- -d -j: the JSON of the same details (fmt/details_json.c) -------------
 * ip 6.1's `ip -d -j link show` (and -p) for RTM_NEWLINK messages holding
 * the attributes below, which a test-only LD_PRELOAD shim answered ip's
 * dump with (this kernel has no vlan, ipvlan or dummy) */

#define HEAD_J "[{\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68," \
	"\"max_mtu\":65535,"
#define TAIL_J ",\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1," \
	"\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535," \
	"\"tso_max_size\":524280,\"tso_max_segs\":65535," \
	"\"gro_max_size\":65536}]"

/* fj_link_details() in a link object in the listing's array */
static const char *json_d(const struct w_link *l, bool pretty)
{
	struct fj j;

	sbuf_reset(&OUT);
	fj_init(&j, &OUT, pretty);
	fj_open_arr(&j, NULL);
	fj_open_obj(&j, NULL);
	fj_link_details(&j, NS, l, true);
	fj_close_obj(&j);
	fj_close_arr(&j);
	return sbuf_str(&OUT);
}

static void vlan20(struct w_link *l)
{
	struct run r = data(l);
	struct ifla_vlan_flags f = { 0x47, 0xffffffff };
	struct ifla_vlan_qos_mapping m[2] = { { 1, 2 }, { 3, 4 } }, m5 = { 5, 6 };
	uint8_t nest[64];
	uint16_t nlen = 0;
	struct run n = { nest, sizeof nest, &nlen };

	pbe16(r, IFLA_VLAN_PROTOCOL, 0x88a8);
	p16(r, IFLA_VLAN_ID, 20);
	put(r, IFLA_VLAN_FLAGS, &f, sizeof f);
	put(n, IFLA_VLAN_QOS_MAPPING, &m[0], sizeof m[0]);
	put(n, IFLA_VLAN_QOS_MAPPING, &m[1], sizeof m[1]);
	put(r, IFLA_VLAN_EGRESS_QOS | NLA_F_NESTED, nest, nlen);
	nlen = 0;
	put(n, IFLA_VLAN_QOS_MAPPING, &m5, sizeof m5);
	put(r, IFLA_VLAN_INGRESS_QOS | NLA_F_NESTED, nest, nlen);
}

static void test_json_vlan(void **state)
{
	struct w_link a = base(20, "veth0.10", "vlan", "02:00:00:00:00:0a");
	struct w_link b = base(21, "veth0.20", "vlan", "02:00:00:00:00:0a");
	struct w_link c = base(22, "v3", "vlan", "02:00:00:00:00:0a");
	struct run r = data(&a);
	struct ifla_vlan_flags f = { VLAN_FLAG_REORDER_HDR, 0xffffffff };

	(void)state;
	pbe16(r, IFLA_VLAN_PROTOCOL, 0x8100);
	p16(r, IFLA_VLAN_ID, 10);
	put(r, IFLA_VLAN_FLAGS, &f, sizeof f);
	assert_string_equal(json_d(&a, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"vlan\","
		"\"info_data\":{\"protocol\":\"802.1Q\",\"id\":10,"
		"\"flags\":[\"REORDER_HDR\"]}}" TAIL_J);
	vlan20(&b);
	assert_string_equal(json_d(&b, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"vlan\","
		"\"info_data\":{\"protocol\":\"802.1ad\",\"id\":20,"
		"\"flags\":[\"REORDER_HDR\",\"GVRP\",\"LOOSE_BINDING\",\"40\"],"
		"\"ingress_qos\":[{\"from\":5,\"to\":6}],\"egress_qos\":[{\"from\":1,"
		"\"to\":2},{\"from\":3,\"to\":4}]}}" TAIL_J);
	/* no IFLA_VLAN_PROTOCOL: ip's lower-case default */
	p16(data(&c), IFLA_VLAN_ID, 30);
	assert_string_equal(json_d(&c, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"vlan\","
		"\"info_data\":{\"protocol\":\"802.1q\",\"id\":30}}" TAIL_J);
}

static void test_json_pretty(void **state)
{
	struct w_link b = base(21, "veth0.20", "vlan", "02:00:00:00:00:0a");

	(void)state;
	vlan20(&b);
	assert_string_equal(json_d(&b, true), "[ {\n"
		"        \"promiscuity\": 0,\n"
		"        \"allmulti\": 0,\n"
		"        \"min_mtu\": 68,\n"
		"        \"max_mtu\": 65535,\n"
		"        \"linkinfo\": {\n"
		"            \"info_kind\": \"vlan\",\n"
		"            \"info_data\": {\n"
		"                \"protocol\": \"802.1ad\",\n"
		"                \"id\": 20,\n"
		"                \"flags\": [ \"REORDER_HDR\",\"GVRP\",\"LOOSE_BINDING\",\"40\" ],\n"
		"                \"ingress_qos\": [ {\n"
		"                        \"from\": 5,\n"
		"                        \"to\": 6\n"
		"                    } ],\n"
		"                \"egress_qos\": [ {\n"
		"                        \"from\": 1,\n"
		"                        \"to\": 2\n"
		"                    },{\n"
		"                        \"from\": 3,\n"
		"                        \"to\": 4\n"
		"                    } ]\n"
		"            }\n"
		"        },\n"
		"        \"inet6_addr_gen_mode\": \"eui64\",\n"
		"        \"num_tx_queues\": 1,\n"
		"        \"num_rx_queues\": 1,\n"
		"        \"gso_max_size\": 65536,\n"
		"        \"gso_max_segs\": 65535,\n"
		"        \"tso_max_size\": 524280,\n"
		"        \"tso_max_segs\": 65535,\n"
		"        \"gro_max_size\": 65536\n"
		"    } ]");
}

static void test_json_ipvlan_dummy(void **state)
{
	static const struct { uint16_t mode, flags; const char *want; } c[] = {
		{ IPVLAN_MODE_L2, 0, HEAD_J
		"\"linkinfo\":{\"info_kind\":\"ipvlan\",\"info_data\":{\"mode\":\"l2\","
		"\"bridge\":true}}" TAIL_J },
		{ IPVLAN_MODE_L3, IPVLAN_F_PRIVATE, HEAD_J
		"\"linkinfo\":{\"info_kind\":\"ipvlan\",\"info_data\":{\"mode\":\"l3\","
		"\"private\":true}}" TAIL_J },
		{ IPVLAN_MODE_L3S, IPVLAN_F_VEPA, HEAD_J
		"\"linkinfo\":{\"info_kind\":\"ipvlan\",\"info_data\":{\"mode\":\"l3s\","
		"\"vepa\":true}}" TAIL_J },
	};
	struct w_link nodata = base(26, "ipv9", "ipvlan", "02:00:00:00:00:0a");
	struct w_link d = base(27, "d0", "dummy", "02:00:00:00:00:0a");

	(void)state;
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct w_link l = base(23, "ipv0", "ipvlan", "02:00:00:00:00:0a");
		struct run r = data(&l);

		p16(r, IFLA_IPVLAN_MODE, c[i].mode);
		p16(r, IFLA_IPVLAN_FLAGS, c[i].flags);
		assert_string_equal(json_d(&l, false), c[i].want);
	}
	/* a kind ip has a printer for, no IFLA_INFO_DATA: an empty object */
	assert_string_equal(json_d(&nodata, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"ipvlan\",\"info_data\":{}}" TAIL_J);
	/* a kind without a printer: its name only */
	assert_string_equal(json_d(&d, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"dummy\"}" TAIL_J);
}

static void test_json_macvlan_source(void **state)
{
	struct w_link l = base(28, "mvs", "macvlan", "02:00:00:00:00:0a");
	struct run r = data(&l);
	uint8_t nest[32];
	uint16_t nlen = 0;
	struct run n = { nest, sizeof nest, &nlen };
	static const uint8_t m1[6] = { 2, 0, 0, 0, 0, 1 }, m2[6] = { 2, 0, 0, 0, 0, 2 };

	(void)state;
	p32(r, IFLA_MACVLAN_MODE, MACVLAN_MODE_SOURCE);
	p16(r, IFLA_MACVLAN_FLAGS, MACVLAN_FLAG_NOPROMISC | MACVLAN_FLAG_NODST);
	p32(r, IFLA_MACVLAN_MACADDR_COUNT, 2);
	put(n, IFLA_MACVLAN_MACADDR, m1, 6);
	put(n, IFLA_MACVLAN_MACADDR, m2, 6);
	put(r, IFLA_MACVLAN_MACADDR_DATA | NLA_F_NESTED, nest, nlen);
	p32(r, IFLA_MACVLAN_BC_QUEUE_LEN, 1000);
	p32(r, IFLA_MACVLAN_BC_QUEUE_LEN_USED, 0);
	assert_string_equal(json_d(&l, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"macvlan\","
		"\"info_data\":{\"mode\":\"source\",\"nopromisc\":true,\"nodst\":true,"
		"\"bcqueuelen\":1000,\"usedbcqueuelen\":0,\"macaddr_count\":2,"
		"\"macaddr_data\":[\"02:00:00:00:00:01\",\"02:00:00:00:00:02\"]}}" TAIL_J);
}

/* a port with what a real one rarely has: an unknown state, a cost ip
 * prints signed, odd timers, a forward mask with an unnamed bit, a
 * backup port nobody knows */
static void test_json_port(void **state)
{
	struct w_link l = base(29, "p0", "veth", "02:00:00:00:00:0a");
	struct run r = slave(&l, "bridge");
	static const uint8_t bid[8] = { 0x80, 0, 2, 0, 0, 0, 0, 0x0b };
	static const uint8_t rid[8] = { 0x10, 0, 2, 0, 0, 0, 0, 0x0c };

	(void)state;
	p8(r, IFLA_BRPORT_STATE, 7);
	p16(r, IFLA_BRPORT_PRIORITY, 5);
	p32(r, IFLA_BRPORT_COST, 0x80000001u);
	p8(r, IFLA_BRPORT_MODE, 1);
	p8(r, IFLA_BRPORT_LOCKED, 1);
	p16(r, IFLA_BRPORT_ID, 0x8002);
	p16(r, IFLA_BRPORT_NO, 2);
	p16(r, IFLA_BRPORT_DESIGNATED_PORT, 0x8003);
	p16(r, IFLA_BRPORT_DESIGNATED_COST, 4);
	put(r, IFLA_BRPORT_BRIDGE_ID, bid, 8);
	put(r, IFLA_BRPORT_ROOT_ID, rid, 8);
	p64(r, IFLA_BRPORT_HOLD_TIMER, 150);
	p64(r, IFLA_BRPORT_MESSAGE_AGE_TIMER, 12345);
	p8(r, IFLA_BRPORT_MULTICAST_ROUTER, 2);
	p8(r, IFLA_BRPORT_FAST_LEAVE, 1);
	p16(r, IFLA_BRPORT_GROUP_FWD_MASK, 0x4009);
	p32(r, IFLA_BRPORT_BACKUP_PORT, 99);
	assert_string_equal(json_d(&l, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"veth\",\"info_slave_kind\":\"bridge\","
		"\"info_slave_data\":{\"state_index\":7,\"priority\":5,"
		"\"cost\":-2147483647,\"hairpin\":true,\"fastleave\":true,"
		"\"id\":\"0x8002\",\"no\":\"0x2\",\"designated_port\":32771,"
		"\"designated_cost\":4,\"bridge_id\":\"8000.2:0:0:0:0:b\","
		"\"root_id\":\"1000.2:0:0:0:0:c\",\"hold_timer\":1.50,"
		"\"message_age_timer\":123.45,\"multicast_router\":2,"
		"\"group_fwd_mask\":\"0x4009\",\"group_fwd_mask_str\":\"stp,0x8,lldp\","
		"\"locked\":true,\"backup_port\":\"if99\"}}" TAIL_J);
}

/* the kinds ip prints options for and nsviz does not: -d -j refuses */
static void test_json_unprintable(void **state)
{
	struct w_link bond = base(40, "bond0", "bond", "02:00:00:00:00:0c");
	struct w_link gre = base(41, "gre1", "gre", "02:00:00:00:00:0c");
	struct w_link vport = base(42, "p1", "veth", "02:00:00:00:00:0c");
	struct w_link bport = base(43, "p2", "veth", "02:00:00:00:00:0c");
	struct w_link tun = base(44, "tap0", "tun", "02:00:00:00:00:0c");
	struct w_link lo = base(1, "lo", "", "00:00:00:00:00:00");
	char k[48] = "";

	(void)state;
	snprintf(vport.slave_kind, sizeof vport.slave_kind, "vrf");
	snprintf(bport.slave_kind, sizeof bport.slave_kind, "bridge");
	assert_true(fj_details_unprintable(&bond, k, sizeof k));
	assert_string_equal(k, "bond");
	assert_true(fj_details_unprintable(&gre, k, sizeof k));
	assert_string_equal(k, "gre");
	assert_true(fj_details_unprintable(&vport, k, sizeof k));
	assert_string_equal(k, "vrf_slave");
	assert_false(fj_details_unprintable(&bport, k, sizeof k));
	assert_false(fj_details_unprintable(&tun, k, sizeof k));
	assert_false(fj_details_unprintable(&lo, k, sizeof k));
	/* wireguard: ip 6.1 has no printer for it, its name only */
	snprintf(tun.kind, sizeof tun.kind, "wireguard");
	assert_false(fj_details_unprintable(&tun, k, sizeof k));
}

/* a physical NIC: where it sits, printed last (ip 6.1, text and JSON) */
static void test_nic_parent(void **state)
{
	struct w_link l = base(2, "eth0", "", "02:00:00:00:00:0a");
	static const uint8_t pid[3] = { 0, 0xab, 0x12 }, sid[2] = { 1, 2 };
	struct w_link_phys *p;

	(void)state;
	l.max_mtu = 9000;
	p = w_link_phys(&l);
	snprintf(p->phys_port_name, sizeof p->phys_port_name, "p0");
	memcpy(p->phys_port_id, pid, sizeof pid);
	p->phys_port_id_len = sizeof pid;
	memcpy(p->phys_switch_id, sid, sizeof sid);
	p->phys_switch_id_len = sizeof sid;
	snprintf(p->parentbus, sizeof p->parentbus, "pci");
	snprintf(p->parentdev, sizeof p->parentdev, "0000:00:03.0");
	assert_string_equal(show_d(&l),
		"2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 02:00:00:00:00:0a brd ff:ff:ff:ff:ff:ff promiscuity 0  allmulti 0 minmtu 68 maxmtu 9000 addrgenmode eui64 "
		TAIL_Q "portname p0 portid 00ab12 switchid 0102 parentbus pci parentdev 0000:00:03.0 \n");
	assert_string_equal(json_d(&l, false),
		"[{\"promiscuity\":0,\"allmulti\":0,\"min_mtu\":68,\"max_mtu\":9000,"
		"\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1,"
		"\"num_rx_queues\":1,\"gso_max_size\":65536,\"gso_max_segs\":65535,"
		"\"tso_max_size\":524280,\"tso_max_segs\":65535,"
		"\"gro_max_size\":65536,\"phys_port_name\":\"p0\","
		"\"phys_port_id\":\"00ab12\",\"phys_switch_id\":\"0102\","
		"\"parentbus\":\"pci\",\"parentdev\":\"0000:00:03.0\"}]");
	w_link_free(&l);
}

/* a bridge with what this kernel cannot make (VLAN filtering) and
 * running timers: numbers with two decimals, root_id from the bridge id */
static void test_json_bridge_vlan(void **state)
{
	struct w_link l = base(30, "brv", "bridge", "02:00:00:00:00:0a");
	struct run r = data(&l);
	static const uint8_t bid[8] = { 0x80, 0, 0x5a, 0x7e, 0x9f, 0x3b, 0x70, 0x09 };
	static const uint8_t rid[8] = { 0x10, 0, 2, 0, 0, 0, 0, 1 };
	struct br_boolopt_multi bm = { 1, 3 };

	(void)state;
	p8(r, IFLA_BR_VLAN_FILTERING, 1);
	pbe16(r, IFLA_BR_VLAN_PROTOCOL, 0x88a8);
	put(r, IFLA_BR_BRIDGE_ID, bid, 8);
	put(r, IFLA_BR_ROOT_ID, rid, 8);
	p64(r, IFLA_BR_HELLO_TIMER, 123);
	p64(r, IFLA_BR_GC_TIMER, 29907);
	p16(r, IFLA_BR_VLAN_DEFAULT_PVID, 5);
	p8(r, IFLA_BR_VLAN_STATS_ENABLED, 1);
	p8(r, IFLA_BR_VLAN_STATS_PER_PORT, 1);
	p16(r, IFLA_BR_GROUP_FWD_MASK, 4);
	put(r, IFLA_BR_MULTI_BOOLOPT, &bm, sizeof bm);
	assert_string_equal(json_d(&l, false), HEAD_J
		"\"linkinfo\":{\"info_kind\":\"bridge\",\"info_data\":{"
		"\"vlan_filtering\":1,\"vlan_protocol\":\"802.1ad\","
		"\"bridge_id\":\"8000.5a:7e:9f:3b:70:9\","
		"\"root_id\":\"8000.5a:7e:9f:3b:70:9\",\"hello_timer\":1.23,"
		"\"gc_timer\":299.07,\"vlan_default_pvid\":5,"
		"\"vlan_stats_enabled\":1,\"vlan_stats_per_port\":1,"
		"\"group_fwd_mask\":\"0x4\",\"no_linklocal_learn\":1,"
		"\"mcast_vlan_snooping\":0}}" TAIL_J);
}

/* ---- what is absent is not printed ----------------------------------------- */

static void test_absent(void **state)
{
	struct w_link l = base(30, "x", "", "02:00:00:00:00:0b");

	(void)state;
	l.d_has = W_D_MAX_MTU | W_D_GRO_SIZE;
	assert_string_equal(addr_d(&l), "maxmtu 65535 gro_max_size 65536 ");
	l.d_has = 0;
	assert_string_equal(addr_d(&l), "");
	/* a kind without IFLA_INFO_DATA: its name only */
	l = base(31, "mv", "macvlan", "02:00:00:00:00:0b");
	l.d_has = W_D_LINKINFO;
	assert_string_equal(addr_d(&l), "\n    macvlan ");
	/* unknown kinds and values */
	l = base(32, "g", "geneve", "02:00:00:00:00:0b");
	l.d_has = W_D_LINKINFO | W_D_ADDRGENMODE;
	p32(data(&l), 1, 7);
	l.addrgenmode = 9;
	sbuf_reset(&OUT);
	fmt_link_details(&OUT, NS, &l);
	assert_string_equal(sbuf_str(&OUT), "\n    geneve addrgenmode 0x09 ");
	l = base(33, "m", "macvlan", "02:00:00:00:00:0b");
	l.d_has = W_D_LINKINFO;
	p32(data(&l), IFLA_MACVLAN_MODE, 3);
	assert_string_equal(addr_d(&l), "\n    macvlan mode unknown ");
}

static void test_protodown_and_escapes(void **state)
{
	struct w_link l = base(40, "e\x1b[2J", "dummy", "02:00:00:00:00:0c");

	(void)state;
	l.proto_down = 1;
	set_alias(&l, "a\x1b]0;x\a");
	l.d_has = W_D_PROTO_DOWN | W_D_LINKINFO;
	assert_string_equal(show_d(&l),
		"40: e\\x1b[2J: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
		"    link/ether 02:00:00:00:00:0c brd ff:ff:ff:ff:ff:ff protodown on \n"
		"    dummy \n"
		"    alias a\\x1b]0;x\\x07\n");
	w_link_free(&l);
}

/* plain `ip link show` too: an alias someone else set is escaped, and an
 * alias as long as the kernel takes (IFALIASZ - 1 = 255 bytes) is whole */
static void test_alias_plain(void **state)
{
	struct w_link l = base(41, "a0", "dummy", "02:00:00:00:00:0d");
	char want[600], a[300];

	(void)state;
	set_alias(&l, "x\x1b[2Jy");
	sbuf_reset(&OUT);
	fmt_link(&OUT, NS, &l);
	assert_non_null(strstr(sbuf_str(&OUT), "\n    alias x\\x1b[2Jy\n"));
	/* the kernel's longest is kept whole; longer is cut there */
	memset(a, 'a', sizeof a - 1);
	a[sizeof a - 1] = '\0';
	w_link_set_alias(&l, a, sizeof a);
	assert_int_equal(strlen(l.ifalias), W_IFALIAS_MAX);
	assert_int_equal(W_IFALIAS_MAX, 255);
	snprintf(want, sizeof want, "\n    alias %s\n", l.ifalias);
	sbuf_reset(&OUT);
	fmt_link(&OUT, NS, &l);
	assert_non_null(strstr(sbuf_str(&OUT), want));
	w_link_free(&l);
}

/* ---- attribute runs ------------------------------------------------------- */

static void test_attr_runs(void **state)
{
	uint8_t buf[64], dst[64];
	uint16_t len = 0;
	struct run r = { buf, sizeof buf, &len };
	uint8_t v8;
	uint16_t v16;
	uint32_t v32;
	uint64_t v64;
	size_t alen;

	(void)state;
	p8(r, 1, 7);
	p16(r, 2, 0x1234);
	p32(r, 3, 0xdeadbeef);
	p64(r, 4, 42);
	assert_int_equal(len, 8 + 8 + 8 + 12);
	assert_true(w_attr_u8(buf, len, 1, &v8) && v8 == 7);
	assert_true(w_attr_u16(buf, len, 2, &v16) && v16 == 0x1234);
	assert_true(w_attr_u32(buf, len, 3, &v32) && v32 == 0xdeadbeef);
	assert_true(w_attr_u64(buf, len, 4, &v64) && v64 == 42);
	/* too short for the type, absent */
	assert_false(w_attr_u32(buf, len, 1, &v32));
	assert_false(w_attr_u8(buf, len, 9, &v8));
	assert_non_null(w_attr_find(buf, len, 4, &alen));
	assert_int_equal(alen, 8);
	/* a run cut inside an attribute: that one is gone, not misread */
	assert_false(w_attr_u64(buf, len - 1, 4, &v64));
	assert_true(w_attr_u32(buf, len - 1, 3, &v32));
	/* a length field that lies */
	buf[8] = 200;
	assert_false(w_attr_u16(buf, len, 2, &v16));
	assert_false(w_attr_u32(buf, len, 3, &v32));
	buf[8] = 2;                  /* shorter than a header */
	assert_false(w_attr_u32(buf, len, 3, &v32));
	buf[8] = 6;
	/* keep: whole attributes only */
	assert_int_equal(w_attr_keep(dst, sizeof dst, buf, len), len);
	assert_int_equal(w_attr_keep(dst, 20, buf, len), 16);
	/* the first (5 bytes) fits, its padding only in part */
	assert_int_equal(w_attr_keep(dst, 7, buf, len), 7);
	assert_int_equal(w_attr_keep(dst, 4, buf, len), 0);
	assert_int_equal(w_attr_keep(dst, sizeof dst, buf, len - 3), 24);
}

/* ---- ip link show up / type KIND ------------------------------------------ */

static void test_link_listed(void **state)
{
	struct w_link lo = base(1, "lo", "", "00:00:00:00:00:00");
	struct w_link v = base(3, "veth0", "veth", "02:00:00:00:00:01");
	struct w_link p = base(4, "veth2", "veth", "02:00:00:00:00:02");

	(void)state;
	lo.flags = IFF_LOOPBACK | IFF_UP;
	snprintf(p.slave_kind, sizeof p.slave_kind, "bridge");
	assert_true(fmt_link_listed(&lo, NULL, false));
	assert_true(fmt_link_listed(&lo, NULL, true));
	assert_false(fmt_link_listed(&v, NULL, true));
	assert_true(fmt_link_listed(&v, "veth", false));
	assert_false(fmt_link_listed(&v, "vet", false));
	assert_false(fmt_link_listed(&lo, "veth", false));
	assert_false(fmt_link_listed(&v, "bridge", false));
	assert_true(fmt_link_listed(&p, "bridge_slave", false));
	assert_false(fmt_link_listed(&v, "bridge_slave", false));
	assert_false(fmt_link_listed(&p, "bond_slave", false));
	assert_false(fmt_link_listed(&p, "_slave", false));
	assert_false(fmt_link_listed(&p, "veth", true));
	p.flags |= IFF_UP;
	assert_true(fmt_link_listed(&p, "veth", true));
	/* no linkinfo at all: no kind matches, not even "" */
	v.d_has &= ~W_D_LINKINFO;
	assert_false(fmt_link_listed(&v, "veth", false));
	assert_false(fmt_link_listed(&lo, "", false));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lo),
		cmocka_unit_test(test_veth),
		cmocka_unit_test(test_veth_other_ns),
		cmocka_unit_test(test_bridge),
		cmocka_unit_test(test_bridge_options),
		cmocka_unit_test(test_bridge_port),
		cmocka_unit_test(test_macvlan),
		cmocka_unit_test(test_vxlan),
		cmocka_unit_test(test_vxlan_group),
		cmocka_unit_test(test_vxlan_ipv6_options),
		cmocka_unit_test(test_vxlan_flags),
		cmocka_unit_test(test_vxlan_external),
		cmocka_unit_test(test_vlan),
		cmocka_unit_test(test_vlan_maps),
		cmocka_unit_test(test_ipvlan),
		cmocka_unit_test(test_dummy),
		cmocka_unit_test(test_json_vlan),
		cmocka_unit_test(test_json_pretty),
		cmocka_unit_test(test_json_ipvlan_dummy),
		cmocka_unit_test(test_json_macvlan_source),
		cmocka_unit_test(test_json_port),
		cmocka_unit_test(test_json_bridge_vlan),
		cmocka_unit_test(test_json_unprintable),
		cmocka_unit_test(test_nic_parent),
		cmocka_unit_test(test_absent),
		cmocka_unit_test(test_protodown_and_escapes),
		cmocka_unit_test(test_alias_plain),
		cmocka_unit_test(test_attr_runs),
		cmocka_unit_test(test_link_listed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
