/* SPDX-License-Identifier: GPL-2.0-or-later */
/* kernel.h - everything that talks to the kernel: namespaces (nsfs, bind
 * mounts, /proc) and rtnetlink through libnl.  Only files in kernel/
 * include libnl headers; callers see plain C and world structs.
 *
 * Errors: every call that can fail fills a struct kerr with the kernel's
 * own errno and, when the kernel sent one, its extended-ack message.
 */
#ifndef NSVIZ_KERNEL_H
#define NSVIZ_KERNEL_H

#include <stdbool.h>
#include <sys/types.h>

#include "world/world.h"

struct kerr {
	int err;                /* positive errno, 0 = none */
	char msg[256];          /* the kernel's extack text, or "" */
};

/* "Network is unreachable" or the extack message when there is one */
const char *kerr_str(const struct kerr *e);

/* ---- namespaces (netns.c) ---- */

#define NETNS_RUN_DIR "/run/netns"

/* Remember the namespace we started in; call once, first. */
int kernel_init(void);
int kernel_home_fd(void);
/* nsviz's namespace is now the one it is in (a child that entered a
 * sandbox of its own) */
void kernel_new_home(void);

/* Enter the network namespace behind fd, and go back home.  Entering
 * the namespace nsviz is in is a no-op (no CAP_SYS_ADMIN needed). */
int kns_enter_fd(int fd);
int kns_leave(void);
/* Is fd the namespace this thread is in now? */
bool kns_is_current(int fd);

/* The soft open file limit raised to the hard one (each namespace takes
 * up to three descriptors), once, at start; restored for programs nsviz
 * runs.  kernel_nofile_limit: the limit now, 0 = none. */
void kernel_raise_nofile(void);
void kernel_restore_nofile(void);
unsigned long kernel_nofile_limit(void);

/* Open /run/netns/NAME (O_RDONLY|O_CLOEXEC), check it is a netns. */
int kns_open_named(const char *name, struct kerr *e);
int knetns_add(const char *name, struct kerr *e);
int knetns_del(const char *name, struct kerr *e);
/* `ip netns attach NAME PID`: /run/netns/NAME made as knetns_add makes
 * it, bound to the network namespace of process pid (in nsviz's pid
 * namespace).  e->err ESRCH: no such process. */
int knetns_attach(const char *name, pid_t pid, struct kerr *e);

/* Identity of the namespace behind an fd, or of /proc/PID/ns/net. */
int kns_ident_fd(int fd, dev_t *dev, ino_t *ino);
int kns_ident_pid(pid_t pid, dev_t *dev, ino_t *ino);

/* Pids whose network namespace is (dev, ino), ascending. Caller frees. */
int kns_pids(dev_t dev, ino_t ino, pid_t **pids, size_t *n);
/* How many processes are in each of n namespaces, in one pass.  Returns
 * how many are in none of them (a namespace not known yet), -1 when
 * /proc cannot be read. */
int kns_count_pids(const dev_t *dev, const ino_t *ino, size_t n, int *counts);

/* Named namespaces in /run/netns, sorted as `ip netns list` sorts them
 * (newest first: readdir order reversed).  Caller frees with
 * kns_free_names. */
int kns_list_named(char ***names, size_t *n);
void kns_free_names(char **names, size_t n);

/* Fork, enter the namespace, exec argv; collect stdout+stderr into out,
 * or (out NULL) let it use our terminal, in the terminal's foreground
 * (src/fg.h) when that was ours.  Returns the child's wait status, or -1
 * with e set: the program could not be run (e's text is then ip's
 * "exec of "PROG" failed: REASON"), or fork/wait failed. */
struct sbuf;
int kns_exec(int nsfd, char *const argv[], struct sbuf *out, struct kerr *e);

/* ---- the live connection to the world (sync.c) ---- */

struct ksync;

/* Build the world: the host namespace, every named namespace, the
 * unnamed ones found under /proc; open one event socket per namespace
 * (lazily dumped on first use, see ksync_ns_ready). */
#define KSYNC_WATCH     1u  /* inotify on /run/netns: long-lived sessions */
#define KSYNC_NO_EVENTS 2u  /* a snapshot: dumps only, no event sockets */
/* Batch runs (-b, -c): routes the kernel changes without a word when a
 * link's state changes are read again only before a command that reads
 * the world (ksync_routes_now), not after every change (issue 12) */
#define KSYNC_LAZY_ROUTES 4u
struct ksync *ksync_new(struct world *w, unsigned flags, struct kerr *e);
void ksync_free(struct ksync *k);

/* Without KSYNC_WATCH, named namespaces are found by looking: after a
 * command that may have changed /run/netns (ksync_scan_named), and when
 * a name is not in the world yet (ksync_find_ns looks it up). */
void ksync_scan_named(struct ksync *k);
/* Read again now the routes through links whose state changed */
void ksync_routes_now(struct ksync *k);
/* The same for one name (netns add, del, attach NAME) */
void ksync_named_changed(struct ksync *k, const char *name);
struct w_ns *ksync_find_ns(struct ksync *k, const char *name);
/* Read the namespaces not read yet for about max_ms; returns how many
 * are left (see ksync_all_ready for all at once) */
size_t ksync_ready_some(struct ksync *k, int max_ms);

/* Make sure ns has been dumped (and its peers resolved). */
int ksync_ns_ready(struct ksync *k, struct w_ns *ns, struct kerr *e);
/* Dump every namespace. */
int ksync_all_ready(struct ksync *k, struct kerr *e);

/* Descriptors the poll loop must watch, and the work to do when one is
 * readable.  ksync_drain reads everything pending, without blocking, and
 * applies it to the world: call it after every change too. */
int ksync_fds(struct ksync *k, int *fds, int max);
int ksync_drain(struct ksync *k);
/* Read ns's links again now, for their counters (IFLA_STATS64), which
 * change without a notification: before printing `-s` output. */
int ksync_read_links(struct ksync *k, struct w_ns *ns, struct kerr *e);
/* IPv6's own counters of ns's links (`ip -6 -s addr`: w_link.stats6) */
int ksync_read_stats6(struct ksync *k, struct w_ns *ns, struct kerr *e);
/* The same for ns's neighbours (their ages, for `neigh show -s`). */
int ksync_read_neighs(struct ksync *k, struct w_ns *ns, struct kerr *e);
/* A named namespace appeared whose bind mount is not there yet: the
 * caller's loop should come back within a fraction of a second. */
bool ksync_pending(struct ksync *k);
/* Rescan /proc for unnamed namespaces (cheap enough for a slow timer). */
int ksync_rescan(struct ksync *k);
/* Ask the kernel for one link of ns again and apply the answer: for the
 * changes the kernel makes without a notification (a bridge's or a
 * port's options set by `type bridge|bridge_slave`). */
void ksync_refresh_link(struct ksync *k, struct w_ns *ns, int ifindex);

/* The counters of every link of ns in one request (linkstats.c), each
 * to fn with its ifindex; the world is not changed.  0, or -1 (e). */
typedef void (*kstats_fn)(void *ctx, int ifindex, const struct w_stats64 *st);
int kstats_links(struct ksync *k, struct w_ns *ns, kstats_fn fn, void *ctx,
                 struct kerr *e);

/* Optional observer, for `nsviz monitor`: called for every event after
 * it was applied (ev NULL and text set for namespace add/remove). */
typedef void (*ksync_observer)(void *ctx, const struct w_ns *ns,
                               const struct w_event *ev, const char *text);
void ksync_set_observer(struct ksync *k, ksync_observer fn, void *ctx);

/* ---- requests, each in the namespace ns (requests.c) ---- */

int klink_add_veth(struct ksync *k, struct w_ns *ns, const char *name,
                   const char *peer, struct w_ns *peer_ns, struct kerr *e);
/* up: -1 unchanged; mtu 0 unchanged; mac NULL unchanged; to_ns NULL stay */
int klink_set(struct ksync *k, struct w_ns *ns, int ifindex, int up,
              unsigned mtu, const uint8_t *mac, struct w_ns *to_ns,
              struct kerr *e);
/* As klink_set, and in the same request master: the ifindex of a bridge
 * in ns to make the link its port, 0 to take it out (nomaster), -1
 * unchanged. */
int klink_set_master(struct ksync *k, struct w_ns *ns, int ifindex, int up,
                     unsigned mtu, const uint8_t *mac, struct w_ns *to_ns,
                     int master, struct kerr *e);
int klink_del(struct ksync *k, struct w_ns *ns, int ifindex, struct kerr *e);
/* An address as ipaddr_modify() sends it (issue 14: its options). */
struct kaddr_req {
	int ifindex;
	struct w_ip local;      /* IFA_LOCAL */
	int prefixlen;
	struct w_ip peer;       /* IFA_ADDRESS; family 0: the local address */
	struct w_ip brd;        /* IFA_BROADCAST; family 0 = none */
	bool brd_computed;      /* brd + or -: sent after IFA_ADDRESS */
	const char *label;      /* IFA_LABEL; NULL or "" = none */
	bool has_metric;
	uint32_t metric;        /* IFA_RT_PRIORITY */
	int scope;              /* -1: host for 127/8, else global (as ip) */
	unsigned flags;         /* IFA_F_*: above 0xff in IFA_FLAGS */
	bool has_cacheinfo;     /* IFA_CACHEINFO with the two lifetimes */
	uint32_t valid_lft, preferred_lft;
};
int kaddr_change(struct ksync *k, struct w_ns *ns, bool add,
                 const struct kaddr_req *r, struct kerr *e);

struct kroute_req {
	struct w_ip dst;        /* family always set */
	int dst_len;
	struct w_ip gw;         /* family 0 = none */
	int oif;                /* 0 = none */
	int scope;              /* -1 = let nsviz pick as ip does */
	struct w_ip prefsrc;    /* family 0 = none */
	bool has_metric;
	uint32_t metric;
	/* routing (issue 11); zero is "not given" for each */
	uint32_t table;         /* 0 = main (ids above 255 go in RTA_TABLE) */
	int type;               /* RTN_*: 0 = unicast for a change */
	int protocol;           /* RTPROT_*: 0 = boot for a change */
	/* issue 14 */
	unsigned flags;         /* rtm_flags: RTNH_F_ONLINK */
	int tos;                /* rtm_tos */
	uint32_t mtu;           /* RTA_METRICS' RTAX_MTU, 0 = none */
	int pref;               /* RTA_PREF + 1 (1 medium, 2 high, 4 low);
	                         * 0 = none */
	int nnh;                /* RTA_MULTIPATH of nnh struct rtnexthop */
	struct kroute_nh {
		struct w_ip gw;         /* family 0 = none */
		int ifindex;            /* 0 = none */
		int hops;               /* weight - 1 */
		unsigned flags;         /* RTNH_F_ONLINK */
	} nh[W_MAX_NEXTHOPS];
};
int kroute_change(struct ksync *k, struct w_ns *ns, bool add,
                  const struct kroute_req *r, struct kerr *e);
/* routing (issue 11): what `ip route add|replace|append|change|prepend`
 * sends: RTM_NEWROUTE with nlflags NLM_F_CREATE|NLM_F_EXCL (add),
 * NLM_F_CREATE|NLM_F_REPLACE (replace), NLM_F_CREATE|NLM_F_APPEND
 * (append), NLM_F_REPLACE (change); del true sends RTM_DELROUTE. */
#define KROUTE_ADD     0x600u   /* NLM_F_CREATE | NLM_F_EXCL */
#define KROUTE_REPLACE 0x500u   /* NLM_F_CREATE | NLM_F_REPLACE */
#define KROUTE_APPEND  0xc00u   /* NLM_F_CREATE | NLM_F_APPEND */
#define KROUTE_CHANGE  0x100u   /* NLM_F_REPLACE */
int kroute_modify(struct ksync *k, struct w_ns *ns, bool del,
                  unsigned nlflags, const struct kroute_req *r,
                  struct kerr *e);
/* routing (issue 11): does ns have FIB table `table` (family AF_INET)?
 * 0, or -1 with the kernel's "ipv4: FIB table does not exist." */
int kroute_table_check(struct ksync *k, struct w_ns *ns, int family,
                       uint32_t table, struct kerr *e);
/* `ip route get`: the kernel's answer in *out. */
int kroute_get(struct ksync *k, struct w_ns *ns, const struct w_ip *dst,
               struct w_route *out, struct kerr *e);
/* `ip route get ADDR [from SRC] [iif DEV] [oif DEV] [mark M]`, as ip
 * asks it (RTM_F_LOOKUP_TABLE for IPv4, so the answer names its table). */
struct kroute_query {
	struct w_ip dst;        /* family always set */
	struct w_ip src;        /* from; family 0 = none */
	int iif, oif;           /* ifindex; 0 = none */
	uint32_t mark;          /* 0 = none (ip sends no RTA_MARK then) */
};
int kroute_lookup(struct ksync *k, struct w_ns *ns,
                  const struct kroute_query *q, struct w_route *out,
                  struct kerr *e);

/* ---- routing (issue 11): rules (rule.c), neighbours (neigh.c), flushes */

/* `ip rule add|del`: what was typed; zero/false/"" is "not given". */
struct krule_req {
	int family;             /* AF_INET or AF_INET6 (ip: AF_INET) */
	bool invert;            /* not */
	struct w_ip src;        /* from PREFIX; family 0 = from all */
	int src_len;
	struct w_ip dst;        /* to PREFIX */
	int dst_len;
	bool has_priority;
	uint32_t priority;      /* priority, preference, order */
	int tos;
	bool has_fwmark, has_fwmask;
	uint32_t fwmark, fwmask;
	char iif[W_IFNAMSIZ];   /* iif, dev: a name (may not exist yet) */
	char oif[W_IFNAMSIZ];
	bool has_table;
	uint32_t table;         /* lookup, table */
	int action;             /* FR_ACT_* of a type (blackhole, ...); 0 */
	bool has_protocol;
	int protocol;
};
int krule_change(struct ksync *k, struct w_ns *ns, bool add,
                 const struct krule_req *r, struct kerr *e);

/* `ip neigh add|replace|change|del ADDR [lladdr MAC] dev DEV [nud S]
 * [router]`: RTM_NEWNEIGH with nlflags as for routes (KROUTE_ADD,
 * KROUTE_REPLACE, KROUTE_CHANGE), or RTM_DELNEIGH. */
struct kneigh_req {
	struct w_ip dst;
	int ifindex;
	uint8_t lladdr[32];
	int lladdr_len;         /* 0 = none */
	unsigned state;         /* NUD_*: ip's default is NUD_PERMANENT */
	unsigned flags;         /* NTF_ROUTER, NTF_PROXY */
};
int kneigh_modify(struct ksync *k, struct w_ns *ns, bool del,
                  unsigned nlflags, const struct kneigh_req *r,
                  struct kerr *e);
/* `ip neigh flush dev DEV [nud S]` (ifindex 0: every device) and `ip
 * addr flush dev DEV [scope S]`: the kernel's table is dumped and every
 * entry that passes is deleted, in rounds, as ip does.  family 0 both.
 * neigh: states is the NUD_* mask (ip's default for a flush is every
 * state but PERMANENT and NOARP).  addr: scope -1 = any.  *count: how
 * many were deleted. */
int kneigh_flush(struct ksync *k, struct w_ns *ns, int ifindex, int family,
                 unsigned states, unsigned *count, struct kerr *e);
int kaddr_flush(struct ksync *k, struct w_ns *ns, int ifindex, int family,
                int scope, unsigned *count, struct kerr *e);

/* ---- link kinds and link settings (linkkind.c; issue 11: linkkinds) ---- */

/* `ip link add [link DEV] name NAME type KIND [OPTIONS]` for the kinds
 * vlan, macvlan, ipvlan, dummy and vxlan.  has_data: options followed the
 * kind (ip sends IFLA_INFO_DATA only then).  Unused fields of other kinds
 * are ignored. */
struct klink_kind_req {
	const char *name;          /* IFLA_IFNAME */
	const char *kind;          /* IFLA_INFO_KIND */
	int link;                  /* IFLA_LINK: ifindex of `link DEV`, 0 none */
	bool has_data;
	/* vlan */
	int vlan_id;               /* -1 not given */
	uint16_t vlan_proto;       /* ETH_P_8021Q, ETH_P_8021AD; 0 not given */
	/* macvlan */
	uint32_t macvlan_mode;     /* MACVLAN_MODE_*; 0 not given */
	/* ipvlan */
	int ipvlan_mode;           /* IPVLAN_MODE_*; -1 not given */
	int ipvlan_flags;          /* IPVLAN_F_PRIVATE, IPVLAN_F_VEPA; 0 bridge */
	/* vxlan */
	bool has_vni;
	uint32_t vni;
	struct w_ip vx_remote;     /* remote or group (multicast); family 0 none */
	struct w_ip vx_local;
	int vx_dev;                /* ifindex of `dev DEV`, 0 none */
	int vx_ttl;                /* -1 not given, 0 auto */
	int vx_dstport;            /* -1 not given, 0 the kernel's default */
};
int klink_add_kind(struct ksync *k, struct w_ns *ns,
                   const struct klink_kind_req *r, struct kerr *e);

/* `ip link set dev X ...`: every setting in one request, as ip sends it.
 * klink_set_req_init leaves everything unchanged. */
struct klink_set_req {
	int up;                    /* -1 unchanged, 0 down, 1 up */
	int promisc;               /* -1 unchanged, 0 off, 1 on */
	int arp;                   /* -1 unchanged, 0 off (IFF_NOARP), 1 on */
	unsigned mtu;              /* 0 unchanged */
	const uint8_t *mac;        /* NULL unchanged; 6 bytes */
	struct w_ns *to_ns;        /* NULL: stays */
	int master;                /* -1 unchanged, 0 nomaster, else ifindex */
	int32_t txqlen;            /* -1 unchanged */
	const char *alias;         /* NULL unchanged, "" clears */
	const char *name;          /* NULL unchanged: the new name */
};
void klink_set_req_init(struct klink_set_req *r);
int klink_change(struct ksync *k, struct w_ns *ns, int ifindex,
                 const struct klink_set_req *r, struct kerr *e);

/* Sysctls of ns: KEY is a key under net. ("net.ipv4.ip_forward"), whose
 * file under /proc/sys/net is opened inside ns and so reads and writes
 * that namespace's value; no program is run.  Errors: ENOENT (no such
 * key there), EISDIR (a directory of keys), EACCES (read-only or
 * write-only), EINVAL (the kernel refused the value), ...
 * ksysctl_read appends the file's text, newlines included, to out. */
int ksysctl_read(struct ksync *k, struct w_ns *ns, const char *key,
                 struct sbuf *out, struct kerr *e);
int ksysctl_write(struct ksync *k, struct w_ns *ns, const char *key,
                  const char *value, struct kerr *e);

/* ---- bridges (bridge.c), each request as iproute2 6.1 sends it ---- */

/* `ip link add NAME type bridge [OPTS]`: o NULL or empty for none. */
int klink_add_bridge_opts(struct ksync *k, struct w_ns *ns, const char *name,
                          const struct w_bropts *o, struct kerr *e);
int klink_add_bridge(struct ksync *k, struct w_ns *ns, const char *name,
                     struct kerr *e);
/* `ip link set DEV type bridge OPTS` (a bridge) or `type bridge_slave
 * OPTS` (o->slave: a port). */
int klink_set_bropts(struct ksync *k, struct w_ns *ns, int ifindex,
                     const struct w_bropts *o, struct kerr *e);
/* The same with link set's other settings in the one request, as ip
 * sends `link set DEV mtu N ... up type bridge OPTS` (up -1, mtu 0, mac
 * NULL, master -1: unchanged). */
int klink_set_with_bropts(struct ksync *k, struct w_ns *ns, int ifindex,
                          int up, unsigned mtu, const uint8_t *mac,
                          int master, const struct w_bropts *o,
                          struct kerr *e);
/* `bridge vlan add|del dev DEV vid VID[-VID_END]`: vid_end 0 = no range;
 * vflags BRIDGE_VLAN_INFO_PVID|_UNTAGGED, brflags BRIDGE_FLAGS_SELF|
 * _MASTER (0: the kernel's default, master). */
int kbridge_vlan_change(struct ksync *k, struct w_ns *ns, bool add,
                        int ifindex, unsigned vid, unsigned vid_end,
                        unsigned vflags, unsigned brflags, struct kerr *e);
/* The AF_BRIDGE link dump into out (ports, and with vlans every VLAN of
 * every port and bridge: `bridge vlan show`; without: `bridge link
 * show`); the fdb dump (`bridge fdb show`), filtered by the kernel to
 * port ifindex and bridge master when not 0.  Free out with
 * kbridge_view_free, also after an error. */
int kbridge_dump_links(struct ksync *k, struct w_ns *ns, bool vlans,
                       struct w_brview *out, struct kerr *e);
int kbridge_dump_fdb(struct ksync *k, struct w_ns *ns, int ifindex,
                     int master, struct w_brview *out, struct kerr *e);
void kbridge_view_free(struct w_brview *v);

/* The nsid that namespace `from` gives to the namespace behind fd (what
 * `ip netns list` prints as "(id: N)"); -1 when none is assigned. */
int ksync_nsid_of(struct ksync *k, struct w_ns *from, int fd);

/* ---- nsids: the numbers a namespace gives the others (nsid.c) ---- */

/* `ip netns set`: ns gives the namespace behind target_fd the number
 * nsid (-1: the kernel picks one, `auto`). */
int knsid_set(struct ksync *k, struct w_ns *ns, int target_fd, int nsid,
              struct kerr *e);
/* `ip netns list-id [target-nsid T] [nsid N]` asked in ns: every nsid ns
 * has given (nsid -1), or the one numbered nsid; with target_nsid >= 0
 * as the namespace ns numbers so numbers them, current being ns's own
 * number for the same namespace.  *out is the caller's to free. */
struct knsid {
	int nsid;               /* -1: unassigned */
	bool has_current;
	int current;            /* -1: unassigned */
};
int knsid_list(struct ksync *k, struct w_ns *ns, int target_nsid, int nsid,
               struct knsid **out, size_t *n, struct kerr *e);

/* Enter ns for one request (its fd opened briefly, kept until
 * kns_leave_ns): the fd, or -1 with e set ("cannot enter the namespace:
 * ..."). */
/* Whether a TCP socket listens (udp: a UDP socket is bound) on port in
 * ns, any address (sockets.c) */
int ksock_port_open(struct ksync *k, struct w_ns *ns, bool udp, unsigned port,
                    bool *open, struct kerr *e);
int kns_enter_ns(struct ksync *k, struct w_ns *ns, struct kerr *e);
void kns_leave_ns(struct ksync *k, struct w_ns *ns, int nsfd);

/* ---- nftables (nft.c), through libnftables ---- */

/* One nft command text (what nft(8) joins its argv into) run in ns, as
 * nft runs it: out gets what nft prints on standard output, err what it
 * prints on standard error (its own words: "Error: ...", the command, the
 * carets), both as they are (the caller escapes them).  -1 when nft
 * failed (e->err EINVAL, the reason in err) or could not run (e). */
struct knft_req {
	const char *text;
	unsigned oflags;        /* enum cmd_nft_flag (cmd/cmd.h) */
	bool check;             /* -c */
	bool optimize;          /* -o */
	bool keep;              /* keep the context for the next command to
	                         * the same namespace (until knft_release) */
};
int knft_run(struct ksync *k, struct w_ns *ns, const struct knft_req *r,
             struct sbuf *out, struct sbuf *err, struct kerr *e);
/* Let go of a kept context (and the namespace it holds). */
void knft_release(void);

/* tc (issue 14, tc.c): one RTM_NEWQDISC / RTM_DELQDISC / RTM_NEWTCLASS /
 * RTM_DELTCLASS request as tc sends it; attrs: the kind's TCA_OPTIONS as
 * src/tc/ built it (raw attribute bytes), after TCA_KIND. */
struct ktc_req {
	int type;               /* RTM_NEWQDISC, ... */
	bool create, excl, replace;     /* NLM_F_CREATE, _EXCL, _REPLACE */
	int ifindex;
	uint32_t handle, parent;
	const char *kind;       /* NULL or "": no TCA_KIND */
	const void *attrs;
	size_t alen;
};
int ktc_modify(struct ksync *k, struct w_ns *ns, const struct ktc_req *r,
               struct kerr *e);
/* The qdiscs (classes false) or classes of ns, of one interface
 * (ifindex 0: every one; classes need one), each reply to fn whole. */
struct nlmsghdr;
typedef void (*ktc_msg_fn)(void *ctx, const struct nlmsghdr *nlh);
int ktc_dump(struct ksync *k, struct w_ns *ns, bool classes, int ifindex,
             uint32_t parent, bool invisible, ktc_msg_fn fn, void *ctx,
             struct kerr *e);

/* The scheduler's clock as tc reads it at start (/proc/net/psched, the
 * same in every namespace), read once; the default where unreadable. */
struct tc_clock;
const struct tc_clock *ktc_clock(void);
/* Does the kernel have the qdisc kind (tckind.c)?  1 yes, 0 no ("Specified
 * qdisc kind is unknown"), -1 when it cannot be asked (e says why).  Asked
 * in a namespace made for the question: nothing anyone sees changes
 * (but the kind's module may be loaded, as tc would).  The calling thread
 * must be in its home namespace (it is again after). */
int ktc_kind_known(const char *kind, struct kerr *e);

/* The fd of ns (an nsfs fd), for setns; -1 if it cannot be opened. */
/* The same for one request, not kept open: close it with
 * ksync_ns_fd_done (issue 12: thousands of namespaces hold no fd) */
int ksync_ns_fd_brief(struct ksync *k, struct w_ns *ns, struct kerr *e);
void ksync_ns_fd_done(struct ksync *k, struct w_ns *ns, int fd);
int ksync_ns_fd(struct ksync *k, struct w_ns *ns, struct kerr *e);

#endif
