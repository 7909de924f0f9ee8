/* SPDX-License-Identifier: GPL-2.0-or-later */
/* world.h - the model: every namespace with its links, addresses, routes
 * and neighbours, as plain C structs.
 *
 * The world is changed only by what the kernel reports (dumps and
 * notifications, applied through world_apply()).  Readers (formatters, the
 * UI, lessons) never talk to the kernel themselves.  No libnl type appears
 * here, so everything that reads the world can be unit-tested without it.
 */
#ifndef NSVIZ_WORLD_H
#define NSVIZ_WORLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/hmap.h"

#define W_IFNAMSIZ 16          /* IFNAMSIZ: 15 characters + NUL */
#define W_NSNAME_MAX 256

/* An IPv4 or IPv6 address; family 0 means "absent". */
struct w_ip {
	int family;            /* AF_INET, AF_INET6 or 0 */
	uint8_t a[16];
};

/* ---- interface counters (IFLA_STATS64), issue 11 ----------------------
 * The kernel's struct rtnl_link_stats64, field for field: every RTM_NEWLINK
 * carries it, dumps and notifications alike, so the world's copy is as
 * fresh as the last message about the link. */
struct w_stats64 {
	uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors, rx_dropped, tx_dropped;
	uint64_t multicast, collisions;
	uint64_t rx_length_errors, rx_over_errors, rx_crc_errors;
	uint64_t rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	uint64_t tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	uint64_t tx_heartbeat_errors, tx_window_errors;
	uint64_t rx_compressed, tx_compressed, rx_nohandler;
	uint64_t rx_otherhost_dropped;
};

struct w_link {
	int ifindex;
	char name[W_IFNAMSIZ];
	char kind[24];         /* IFLA_INFO_KIND: "veth", "bridge", "" */
	unsigned flags;        /* IFF_* from ifi_flags */
	unsigned mtu;
	char qdisc[24];        /* IFLA_QDISC, "" when absent */
	int operstate;         /* IF_OPER_*; -1 when absent */
	int linkmode;          /* IFLA_LINKMODE; -1 when absent */
	int32_t group;         /* IFLA_GROUP */
	int32_t txqlen;        /* IFLA_TXQLEN; -1 when absent */
	unsigned arptype;      /* ifi_type, ARPHRD_* */
	uint8_t addr[32];
	int addr_len;
	uint8_t brd[32];
	int brd_len;
	int has_iflink;        /* IFLA_LINK present */
	int iflink;            /* IFLA_LINK: peer ifindex (in peer's namespace) */
	int has_link_netnsid;
	int link_netnsid;      /* IFLA_LINK_NETNSID, as seen from this namespace */
	int master;            /* IFLA_MASTER ifindex, 0 = none */
	char *ifalias;         /* IFLA_IFALIAS (heap), NULL when none */

	/* ---- `ip -d` details and link kinds (issue 11: linkkinds) ----
	 * What `ip -d link show` prints beyond the plain lines.  The
	 * kind's own options (IFLA_INFO_DATA, and IFLA_INFO_SLAVE_DATA of
	 * a port) are kept as the kernel sent them, a run of netlink
	 * attributes (struct nlattr, uapi: no libnl), because every kind has
	 * its own set (a bridge alone has 45) and the printers walk them as
	 * ip does (w_attr_* in world/linkinfo.c read them).  A run keeps its
	 * whole attributes (a torn last one is cut). */
	unsigned d_has;        /* W_D_* bits: which fields below were sent */
	uint32_t promiscuity;  /* IFLA_PROMISCUITY */
	uint32_t allmulti;     /* IFLA_ALLMULTI */
	uint32_t min_mtu, max_mtu;            /* IFLA_MIN_MTU, IFLA_MAX_MTU */
	uint32_t num_tx_queues, num_rx_queues;
	uint32_t gso_max_size, gso_max_segs;
	uint32_t tso_max_size, tso_max_segs;
	uint32_t gro_max_size;
	uint8_t proto_down;    /* IFLA_PROTO_DOWN */
	uint8_t addrgenmode;   /* IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE */
	char slave_kind[24];   /* IFLA_INFO_SLAVE_KIND: "bridge" for a port */
	uint16_t info_data_len, slave_data_len;
	uint8_t *info_data;    /* IFLA_INFO_DATA's attributes (heap) */
	uint8_t *slave_data;   /* IFLA_INFO_SLAVE_DATA's attributes (heap) */
	/* where a device sits (a physical NIC), NULL when the kernel sent
	 * none of it (heap; printed last by ip -d) */
	struct w_link_phys *phys;
	/* ---- end of the linkkinds block ---- */

	/* Counters (issue 11): has_stats when the message had IFLA_STATS64
	 * (absent fields stay 0); IFLA_CARRIER_CHANGES, which `ip -s -s`
	 * prints as "transns". */
	bool has_stats;
	struct w_stats64 stats;
	bool has_carrier_changes;
	uint32_t carrier_changes;
	/* IPv6's own counters (IFLA_INET6_STATS, mapped as ip maps them),
	 * which `ip -6 -s addr` prints; read only for that (heap, NULL
	 * until then) */
	struct w_stats64 *stats6;

	/* The root qdisc (issue 14), from the qdisc dump and RTNLGRP_TC
	 * events: its handle, and its options as tc prints them ("rate
	 * 1Mbit burst 10Kb lat 50ms "; heap, NULL when it has none or is
	 * not known).  Its kind is qdisc above, which the qdisc events keep
	 * current (the kernel sends no link event when a qdisc changes);
	 * kept across link events while IFLA_QDISC names the same kind. */
	uint32_t tc_handle;
	char *tc_opts;

	/* Resolved by the world across namespaces (world_resolve_peers).
	 * The name ip prints after link-netns is not kept: it is the name
	 * of the namespace link_netnsid stands for (fmt looks it up). */
	bool unresolved;       /* world.c's: in world.unres */
	int peer_ns_id;        /* w_ns.id of the peer's namespace, -1 unknown */
	char peer_name[W_IFNAMSIZ];   /* peer's name, "" unknown */
};

/* The rare, large parts of a link live on the heap, allocated only when
 * the kernel sent them: most links have none, and a world of 1,000
 * namespaces holds thousands of links.  A struct w_link owns its heap
 * parts: the world's links own theirs, an event's link (kparse) owns its
 * own until w_event_release().  world_apply() copies them (w_link_copy),
 * so the event stays the caller's.  A plain struct copy (`*dst = *l`) is
 * a view that shares them: read it, never free it. */
struct w_link_phys {
	char phys_port_name[32];   /* IFLA_PHYS_PORT_NAME, "" none */
	uint8_t phys_port_id_len, phys_switch_id_len;
	uint8_t phys_port_id[32];  /* IFLA_PHYS_PORT_ID (MAX_PHYS_ITEM_ID_LEN) */
	uint8_t phys_switch_id[32];   /* IFLA_PHYS_SWITCH_ID */
	char parentbus[32];        /* IFLA_PARENT_DEV_BUS_NAME, "" none */
	char parentdev[64];        /* IFLA_PARENT_DEV_NAME, "" none */
};
#define W_IFALIAS_MAX 255      /* IFALIASZ - 1: the kernel's limit */

/* Free l's heap parts (NULL after); the rest of l is left as it was. */
void w_link_free(struct w_link *l);
/* dst = src with heap parts of its own (dst's old ones are not freed). */
void w_link_copy(struct w_link *dst, const struct w_link *src);
/* Set (replace) a heap part: the alias (n bytes of s, cut at
 * W_IFALIAS_MAX; empty: none), an attribute run (whole attributes of
 * len bytes; slave: IFLA_INFO_SLAVE_DATA), the NIC's place (made
 * zeroed on first use). */
void w_link_set_alias(struct w_link *l, const char *s, size_t n);
void w_link_set_run(struct w_link *l, bool slave, const void *run,
                    size_t len);
struct w_link_phys *w_link_phys(struct w_link *l);

/* linkkinds: w_link.d_has bits and the readers of its attribute runs */
#define W_D_PROMISC     (1u << 0)
#define W_D_ALLMULTI    (1u << 1)
#define W_D_MIN_MTU     (1u << 2)
#define W_D_MAX_MTU     (1u << 3)
#define W_D_NUM_TXQ     (1u << 4)
#define W_D_NUM_RXQ     (1u << 5)
#define W_D_GSO_SIZE    (1u << 6)
#define W_D_GSO_SEGS    (1u << 7)
#define W_D_TSO_SIZE    (1u << 8)
#define W_D_TSO_SEGS    (1u << 9)
#define W_D_GRO_SIZE    (1u << 10)
#define W_D_PROTO_DOWN  (1u << 11)
#define W_D_ADDRGENMODE (1u << 12)
#define W_D_LINKINFO    (1u << 13)  /* IFLA_LINKINFO was there */
#define W_D_INFO_DATA   (1u << 14)  /* IFLA_INFO_DATA was there */
#define W_D_SLAVE_DATA  (1u << 15)  /* IFLA_INFO_SLAVE_DATA was there */

/* The attributes of w_link.info_data / slave_data (world/linkinfo.c):
 * the payload of attribute `type` and its length, NULL when absent.
 * The getters return 0 and leave *v alone when the attribute is absent
 * or shorter than the value. */
const void *w_attr_find(const uint8_t *run, size_t len, int type,
                        size_t *alen);
int w_attr_u8(const uint8_t *run, size_t len, int type, uint8_t *v);
int w_attr_u16(const uint8_t *run, size_t len, int type, uint16_t *v);
int w_attr_u32(const uint8_t *run, size_t len, int type, uint32_t *v);
int w_attr_u64(const uint8_t *run, size_t len, int type, uint64_t *v);
/* Copy a run of attributes into dst (cap bytes), cut after the last
 * whole attribute that fits; returns the bytes kept. */
size_t w_attr_keep(uint8_t *dst, size_t cap, const void *src, size_t len);

struct w_addr {
	int ifindex;
	int family;
	int prefixlen;
	unsigned flags;        /* IFA_F_* (IFA_FLAGS if present) */
	int scope;             /* RT_SCOPE_* */
	struct w_ip local;     /* IFA_LOCAL (or IFA_ADDRESS when no LOCAL) */
	struct w_ip peer;      /* IFA_ADDRESS when it differs from LOCAL */
	struct w_ip brd;       /* IFA_BROADCAST */
	char label[W_IFNAMSIZ];
	uint32_t valid_lft;    /* seconds; 0xffffffff = forever */
	uint32_t preferred_lft;
	int has_cacheinfo;
	uint32_t metric;       /* IFA_RT_PRIORITY */
	int has_metric;
};

#define W_MAX_NEXTHOPS 8
struct w_nexthop {
	struct w_ip gw;
	int ifindex;
	unsigned flags;        /* RTNH_F_* */
	int weight;
};

struct w_route {
	int family;
	int table;             /* RT_TABLE_*, full 32-bit id */
	int type;              /* RTN_* */
	int protocol;          /* RTPROT_* */
	int scope;             /* RT_SCOPE_* */
	int tos;
	unsigned flags;        /* rtm_flags (RTM_F_*, RTNH_F_* ) */
	struct w_ip dst;
	int dst_len;
	struct w_ip src;       /* RTA_SRC (source prefix), rare */
	int src_len;
	struct w_ip prefsrc;   /* RTA_PREFSRC */
	struct w_ip gw;        /* RTA_GATEWAY (single path) */
	int oif;               /* RTA_OIF */
	int has_priority;
	uint32_t priority;     /* RTA_PRIORITY: "metric" */
	int has_pref;
	int pref;              /* RTA_PREF (IPv6 router preference) */
	uint32_t expires;      /* RTA_CACHEINFO's rta_expires: clock ticks
	                        * (USER_HZ) left, 0 = none */
	uint32_t mtu;          /* RTAX_MTU, 0 if none */
	int nnexthops;         /* RTA_MULTIPATH */
	struct w_nexthop nh[W_MAX_NEXTHOPS];
	int has_uid;
	uint32_t uid;          /* RTA_UID (route get replies) */
	int iif;               /* RTA_IIF */
	/* routing (issue 11): RTA_MARK of a `route get` answer, 0 = none */
	uint32_t mark;
};

struct w_neigh {
	int ifindex;
	int family;
	unsigned state;        /* NUD_* */
	unsigned flags;        /* NTF_* */
	int type;
	struct w_ip dst;
	uint8_t lladdr[32];
	int lladdr_len;

	/* `ip -s neigh` (issue 11): NDA_CACHEINFO, in clock ticks
	 * (USER_HZ) since last used, confirmed, updated; NDA_PROBES */
	bool has_cacheinfo;
	uint32_t used, confirmed, updated, refcnt;
	bool has_probes;
	uint32_t probes;
};

/* ---- routing (issue 11): policy routing rules ------------------------- */
/* One rule of `ip rule` (struct fib_rule_hdr and FRA_*), as the kernel
 * reports it.  Addresses of family 0 are absent ("from all"). */
struct w_rule {
	int family;            /* AF_INET, AF_INET6 */
	int action;            /* FR_ACT_*: TO_TBL (lookup), GOTO, NOP,
	                        * BLACKHOLE, UNREACHABLE, PROHIBIT */
	unsigned flags;        /* FIB_RULE_* (INVERT: "not") */
	int tos;
	uint32_t table;        /* frh.table, or FRA_TABLE when present */
	bool has_priority;
	uint32_t priority;     /* FRA_PRIORITY: "pref" */
	struct w_ip src;       /* FRA_SRC */
	int src_len;
	struct w_ip dst;       /* FRA_DST */
	int dst_len;
	bool has_fwmark, has_fwmask;
	uint32_t fwmark, fwmask;
	char iifname[W_IFNAMSIZ];   /* FRA_IFNAME, "" = any */
	char oifname[W_IFNAMSIZ];   /* FRA_OIFNAME, "" = any */
	bool has_goto;
	uint32_t goto_target;  /* FRA_GOTO */
	bool has_protocol;
	int protocol;          /* FRA_PROTOCOL, RTPROT_* */
	bool l3mdev;           /* FRA_L3MDEV */
	bool has_uid_range;
	uint32_t uid_start, uid_end;
	int ipproto;           /* FRA_IP_PROTO, 0 = any */
	bool has_sport, has_dport;
	uint16_t sport_start, sport_end, dport_start, dport_end;
	bool has_tun_id;
	uint64_t tun_id;       /* FRA_TUN_ID, host order */
	bool has_suppress_prefixlen, has_suppress_ifgroup;
	int32_t suppress_prefixlen, suppress_ifgroup;
	bool has_flow;
	uint32_t flow;         /* FRA_FLOW: realms */
};

enum w_ns_kind {
	W_NS_HOST,             /* the namespace nsviz started in */
	W_NS_NAMED,            /* a bind mount in /run/netns */
	W_NS_UNNAMED           /* held only by processes or other bind mounts */
};

struct w_nsid_map { int nsid; int ns_id; };

struct w_ns {
	int id;                /* stable within one run; host is 0 */
	enum w_ns_kind kind;
	char name[W_NSNAME_MAX];   /* named: its /run/netns name; host: "" */
	dev_t dev;             /* identity: st_dev/st_ino of the nsfs inode */
	ino_t ino;
	/* Unnamed namespaces: who holds them. */
	pid_t holder_pid;      /* 0 if held by a bind mount only */
	char holder_comm[64];
	char holder_path[256]; /* bind mount path outside /run/netns, or "" */

	bool synced;           /* a full dump has been applied */
	/* Why nsviz cannot read or watch this namespace ("" = it can):
	 * then it is known by name and identity only, nothing in it. */
	char unread[200];
	void *kconn;           /* kernel connection (opaque to readers) */
	/* the world it is in: a reader of one namespace looks up another
	 * (the name after link-netns), world.c keeps its indexes; NULL
	 * outside a world */
	struct world *world;

	struct w_link *links; size_t nlinks, caplinks;
	struct w_addr *addrs; size_t naddrs, capaddrs;
	struct w_route *routes; size_t nroutes, caproutes;
	struct w_neigh *neighs; size_t nneighs, capneighs;
	/* nsid -> other namespace, as this namespace numbers them */
	struct w_nsid_map *nsids; size_t nnsids, capnsids;
	/* routing (issue 11): the policy rules, in the kernel's order
	 * (each family by priority; equal priorities oldest first) */
	struct w_rule *rules; size_t nrules, caprules;

	/* ---- indexes (issue 12): kept by world.c, read by nobody else ----
	 * links are sorted by ifindex (binary search); link_names: name ->
	 * ifindex; nsids are sorted by nsid; nsid_of: ns id -> nsid + 1 */
	struct hmap link_names;
	struct hmap nsid_of;
	/* the keys (a hash each, once per object) of routes, addresses and
	 * neighbours: a new one whose key is not there is added without a
	 * walk */
	struct hmap route_keys, addr_keys, neigh_keys;
	/* IFLA_LINK -> ifindex of the links that have one */
	struct hmap by_iflink;
	/* links of other namespaces whose peer was resolved into this one */
	size_t peers_in;
	/* links (elsewhere or here) that lead into this namespace to a
	 * link not here (yet): tried again when a link comes here, not on
	 * every change of the world */
	struct w_linkref *waiting; size_t nwaiting, capwaiting;
	bool wake;
	/* bumped on every change to this namespace's objects (a view of one
	 * namespace redraws when its own generation moves, not the world's) */
	unsigned long gen;
	unsigned long lgen;    /* links, addresses, peers only */
	unsigned long rgen;    /* routes only */
};

/* A link, by where it is: (w_ns.id, ifindex) */
struct w_linkref {
	int ns_id;
	int ifindex;
	int nsid;              /* unresolved: the nsid not yet mapped, or -1 */
};

struct world {
	struct w_ns **ns;      /* ns[0] is the host */
	size_t nns, capns;
	int next_id;
	unsigned long generation;  /* bumped on every change */
	unsigned long ns_epoch;    /* bumped when namespaces come, go or
	                            * get a name */
	/* Processes whose namespace could not be looked at (another
	 * user's, without privileges): the unnamed namespaces they hold
	 * are not in the world. */
	unsigned unseen_procs;

	/* ---- indexes and incremental peers (issue 12), world.c's own ----
	 * namespaces by id, by name (named ones), by inode */
	struct hmap by_id, by_name, by_ino;
	/* (ifindex, iflink) of every link that points elsewhere -> its
	 * namespace: where the other end of a veth pair is (the end whose
	 * ifindex is our iflink and whose iflink is our ifindex) */
	struct hmap by_pair;
	/* (peer's namespace id, iflink) of every resolved link -> its
	 * namespace: who names a link that changes name or goes */
	struct hmap rev;
	size_t nlinks;         /* links in all namespaces */
	/* links whose peer must be resolved again; links whose peer could
	 * not be resolved (tried again when namespaces, nsids or links
	 * appear); namespaces removed while links pointed into them */
	struct w_linkref *dirty; size_t ndirty, capdirty;
	struct w_linkref *unres; size_t nunres, capunres;
	int *gone; size_t ngone, capgone;
	int *wake; size_t nwake, capwake;   /* namespaces with waiting links
	                                     * to try (a link came) */
	bool retry_unres;
	bool peers_all;        /* resolve every link (many changed) */
};

/* One change reported by the kernel. */
enum w_event_type {
	W_EV_NEWLINK, W_EV_DELLINK,
	W_EV_NEWADDR, W_EV_DELADDR,
	W_EV_NEWROUTE, W_EV_DELROUTE,
	W_EV_NEWNEIGH, W_EV_DELNEIGH,
	W_EV_NEWNSID, W_EV_DELNSID,
	W_EV_NEWRULE, W_EV_DELRULE,     /* routing (issue 11) */
	W_EV_NEWQDISC, W_EV_DELQDISC,   /* a root qdisc (issue 14) */
	W_EV_OTHER
};

/* A device's root qdisc, as an event carries it: kind, handle and the
 * options as tc prints them (heap, the event's own; NULL: none) */
struct w_qdisc {
	int ifindex;
	uint32_t handle;
	char kind[24];
	char *opts;
};

struct w_event {
	enum w_event_type type;
	bool from_dump;        /* part of a full dump, in the kernel's order */
	/* routing (issue 11): how a route notification was made (its
	 * nlmsg_flags): W_EV_REPLACE (route replace/change) stands for the
	 * route it replaced, W_EV_APPEND goes after its equals */
	unsigned route_how;
	union {
		struct w_link link;
		struct w_addr addr;
		struct w_route route;
		struct w_neigh neigh;
		struct { int nsid; } nsid;
		struct w_rule rule;    /* routing (issue 11) */
		struct w_qdisc qdisc;  /* issue 14 */
	} u;
};
/* Free what an event owns (a link's heap parts, a qdisc's options):
 * after every kparse(). */
void w_event_release(struct w_event *ev);

/* ---- bridges: options, ports, VLANs, forwarding entries (bridge(8)) -----
 * Read from the kernel when a command asks (kbridge_* in kernel/bridge.c),
 * not kept per namespace: the kernel sends them as AF_BRIDGE link and
 * neighbour messages, which kparse() keeps out of the model (they would
 * overwrite the real link).  Printed by fmt/bridge.c. */

/* One `type bridge` (IFLA_BR_*) or `type bridge_slave` (IFLA_BRPORT_*)
 * option of `ip link add|set`. */
enum w_bropt {
	W_BR_FORWARD_DELAY, W_BR_HELLO_TIME, W_BR_MAX_AGE, W_BR_AGEING_TIME,
	W_BR_STP_STATE, W_BR_PRIORITY, W_BR_VLAN_FILTERING,
	W_BR_VLAN_PROTOCOL, W_BR_VLAN_DEFAULT_PVID, W_BR_MCAST_SNOOPING,
	W_BRPORT_STATE, W_BRPORT_PRIORITY, W_BRPORT_COST, W_BRPORT_HAIRPIN,
	W_BRPORT_LEARNING, W_BRPORT_FLOOD, W_BRPORT_ISOLATED,
	W_BROPT_COUNT
};
/* The attribute an option is (IFLA_BR_* in IFLA_INFO_DATA, IFLA_BRPORT_*
 * in IFLA_INFO_SLAVE_DATA) and its width; be16: sent in network order */
void w_bropt_attr(enum w_bropt key, int *attr, int *width, bool *be16);
/* An option's value in a link's run (info_data, slave_data): 0, or -1
 * when the kernel did not send it */
int w_bropt_get(const uint8_t *run, size_t len, enum w_bropt key,
                uint32_t *v);
#define W_BROPTS_MAX 32
/* The options in the order given, which is the order ip sends them in
 * (a repeated option is sent twice, as ip does). */
struct w_bropts {
	bool slave;            /* type bridge_slave */
	int n;
	struct { enum w_bropt key; uint32_t value; } v[W_BROPTS_MAX];
};

/* A port's one-byte settings, in the order `bridge -d link` prints them
 * (backup_port goes before isolated). */
enum w_brport_u8 {
	W_BRP_HAIRPIN, W_BRP_GUARD, W_BRP_ROOT_BLOCK, W_BRP_FASTLEAVE,
	W_BRP_LEARNING, W_BRP_LEARNING_SYNC, W_BRP_FLOOD, W_BRP_MCAST_FLOOD,
	W_BRP_BCAST_FLOOD, W_BRP_MCAST_ROUTER, W_BRP_MCAST_TO_UCAST,
	W_BRP_NEIGH_SUPPRESS, W_BRP_VLAN_TUNNEL, W_BRP_ISOLATED, W_BRP_LOCKED,
	W_BRP_U8_COUNT
};

/* A port's (or a bridge's own) AF_BRIDGE RTM_NEWLINK. */
struct w_brport {
	int ifindex;
	char name[W_IFNAMSIZ];
	unsigned flags;        /* ifi_flags */
	int has_mtu; unsigned mtu;
	int master;            /* IFLA_MASTER, 0 = none */
	int has_iflink; int iflink;   /* IFLA_LINK (an index in this ns's
	                                 numbering: bridge prints it so) */
	int has_protinfo;      /* IFLA_PROTINFO */
	int protinfo_nested;   /* nested IFLA_BRPORT_* (else a state byte) */
	int state;             /* IFLA_BRPORT_STATE, -1 absent */
	int priority;          /* -1 absent */
	int64_t cost;          /* -1 absent */
	/* -d: the IFLA_BRPORT_* u8 values, -1 absent (enum w_brport_u8) */
	int16_t u8[W_BRP_U8_COUNT];
	int backup_port;       /* ifindex, 0 absent */
	int hwmode;            /* IFLA_AF_SPEC IFLA_BRIDGE_MODE, -1 absent */
	/* VLANs (IFLA_AF_SPEC IFLA_BRIDGE_VLAN_INFO) of this message:
	 * w_brview.vlans[vlan0 .. vlan0 + nvlan) */
	size_t vlan0, nvlan;
};

struct w_brvlan {
	uint16_t vid;
	uint16_t flags;        /* BRIDGE_VLAN_INFO_* */
};

/* A forwarding entry: AF_BRIDGE RTM_NEWNEIGH. */
struct w_fdb {
	int ifindex;
	unsigned state;        /* NUD_* */
	unsigned flags;        /* NTF_* */
	uint8_t lladdr[32];
	int lladdr_len;        /* 0 = no NDA_LLADDR */
	struct w_ip dst;       /* NDA_DST (vxlan), family 0 = none */
	uint16_t vlan;         /* NDA_VLAN, 0 = none */
	int has_port; uint16_t port;
	int has_vni; uint32_t vni;
	int has_src_vni; uint32_t src_vni;
	int via;               /* NDA_IFINDEX, 0 = none */
	int has_nhid; uint32_t nhid;
	int has_link_netnsid; int32_t link_netnsid;
	int master;            /* NDA_MASTER, 0 = none */
	int has_cacheinfo;
	uint32_t used, updated;   /* NDA_CACHEINFO, clock ticks */
};

/* One dump's answer, in the kernel's order. */
struct w_brview {
	struct w_brport *ports; size_t nports, capports;
	struct w_brvlan *vlans; size_t nvlans, capvlans;
	struct w_fdb *fdb; size_t nfdb, capfdb;
};

struct world *world_new(void);
void world_free(struct world *w);

/* Namespace bookkeeping (the kernel layer calls these). */
#define W_EV_REPLACE 1u
#define W_EV_APPEND 2u

struct w_ns *world_add_ns(struct world *w, enum w_ns_kind kind,
                          const char *name, dev_t dev, ino_t ino);
void world_remove_ns(struct world *w, struct w_ns *ns);
/* An unnamed namespace got a name in /run/netns */
void world_name_ns(struct world *w, struct w_ns *ns, const char *name);
void world_clear_ns(struct w_ns *ns);   /* before a re-dump */
void world_clear_routes_oif(struct w_ns *ns, int oif);
/* Whether a route of ns goes through link oif (a next hop too) */
bool world_has_routes_oif(const struct w_ns *ns, int oif);
void world_apply(struct world *w, struct w_ns *ns, const struct w_event *ev);
void world_set_nsid(struct w_ns *ns, int nsid, int ns_id);
/* A link's IPv6 counters, from the kernel's AF_INET6 link reply */
void world_set_stats6(struct world *w, struct w_ns *ns, int ifindex,
                      const struct w_stats64 *s);
/* Fill peer_ns_id and peer_name of the links that changed since the
 * last call (and of those they pair with): the cost is that of the
 * changes, not of the world (issue 12). */
void world_resolve_peers(struct world *w);
/* The links whose peer's namespace is not known yet by nsid (nsid >= 0)
 * or whose peer is not there (yet); valid until the next change. */
const struct w_linkref *world_unresolved(const struct world *w, size_t *n);
/* The namespaces holding a link numbered ifindex whose IFLA_LINK is
 * iflink, one a call (*it from 0; NULL at the end): for a veth end
 * (ifindex a, iflink b), pass (b, a) to find where its peer may be. */
struct w_ns *world_pair_next(const struct world *w, int ifindex, int iflink,
                             size_t *it);
/* Whether ns knows an nsid for the namespace of id ns_id */
bool world_nsid_known(const struct w_ns *ns, int ns_id);

/* Lookups. */
struct w_ns *world_host(const struct world *w);
struct w_ns *world_find_ns(const struct world *w, const char *name);
struct w_ns *world_find_ns_id(const struct world *w, int id);
struct w_ns *world_find_ns_ino(const struct world *w, dev_t dev, ino_t ino);
struct w_link *world_find_link(const struct w_ns *ns, const char *name);
struct w_link *world_find_link_index(const struct w_ns *ns, int ifindex);
struct w_ns *world_ns_by_nsid(const struct world *w, const struct w_ns *ns,
                              int nsid);
/* "vnet", "host" or "pid 1234 (comm)": how people should read a namespace */
const char *world_ns_label(const struct w_ns *ns, char *buf, size_t len);

/* Namespaces nsviz cannot read (w_ns.unread set), and one line that says
 * so for a banner or a warning: "2 of 5 namespaces cannot be read: a, b
 * (Too many open files ...)"; "" when every one can. */
size_t world_unread_count(const struct world *w);
const char *world_unread_summary(const struct world *w, char *buf,
                                 size_t len);

/* Compare / print addresses (pure helpers). */
bool w_ip_eq(const struct w_ip *a, const struct w_ip *b);
bool w_ip_link_local(const struct w_ip *ip);       /* IPv6 fe80::/10 */
const char *w_ip_str(const struct w_ip *ip, char *buf, size_t len);
int w_ip_parse(const char *s, struct w_ip *out);   /* 0 ok, -1 bad */

#endif
