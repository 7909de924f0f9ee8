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

#define W_IFNAMSIZ 16          /* IFNAMSIZ: 15 characters + NUL */
#define W_NSNAME_MAX 256

/* An IPv4 or IPv6 address; family 0 means "absent". */
struct w_ip {
	int family;            /* AF_INET, AF_INET6 or 0 */
	uint8_t a[16];
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
	char ifalias[64];

	/* Resolved by the world across namespaces (world_resolve_peers). */
	int peer_ns_id;        /* w_ns.id of the peer's namespace, -1 unknown */
	char peer_name[W_IFNAMSIZ];   /* peer's name, "" unknown */
	char link_netns_name[W_NSNAME_MAX]; /* name iproute2 prints after
	                                      link-netns, "" if unnamed */
};

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

	struct w_link *links; size_t nlinks, caplinks;
	struct w_addr *addrs; size_t naddrs, capaddrs;
	struct w_route *routes; size_t nroutes, caproutes;
	struct w_neigh *neighs; size_t nneighs, capneighs;
	/* nsid -> other namespace, as this namespace numbers them */
	struct w_nsid_map *nsids; size_t nnsids, capnsids;
	/* routing (issue 11): the policy rules, in the kernel's order
	 * (each family by priority; equal priorities oldest first) */
	struct w_rule *rules; size_t nrules, caprules;
};

struct world {
	struct w_ns **ns;      /* ns[0] is the host */
	size_t nns, capns;
	int next_id;
	unsigned long generation;  /* bumped on every change */
	/* Processes whose namespace could not be looked at (another
	 * user's, without privileges): the unnamed namespaces they hold
	 * are not in the world. */
	unsigned unseen_procs;
};

/* One change reported by the kernel. */
enum w_event_type {
	W_EV_NEWLINK, W_EV_DELLINK,
	W_EV_NEWADDR, W_EV_DELADDR,
	W_EV_NEWROUTE, W_EV_DELROUTE,
	W_EV_NEWNEIGH, W_EV_DELNEIGH,
	W_EV_NEWNSID, W_EV_DELNSID,
	W_EV_NEWRULE, W_EV_DELRULE,     /* routing (issue 11) */
	W_EV_OTHER
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
	} u;
};

struct world *world_new(void);
void world_free(struct world *w);

/* Namespace bookkeeping (the kernel layer calls these). */
#define W_EV_REPLACE 1u
#define W_EV_APPEND 2u

struct w_ns *world_add_ns(struct world *w, enum w_ns_kind kind,
                          const char *name, dev_t dev, ino_t ino);
void world_remove_ns(struct world *w, struct w_ns *ns);
void world_clear_ns(struct w_ns *ns);   /* before a re-dump */
void world_clear_routes_oif(struct w_ns *ns, int oif);
void world_apply(struct world *w, struct w_ns *ns, const struct w_event *ev);
void world_set_nsid(struct w_ns *ns, int nsid, int ns_id);
/* Fill peer_* and link_netns_name of every veth in every namespace. */
void world_resolve_peers(struct world *w);

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
