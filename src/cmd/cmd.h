/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmd.h - the one command grammar behind keys, the `:` line, -c and -b.
 *
 * A command line is split into words (cmd_split), the words are parsed
 * into a struct cmd (cmd_parse: pure, no kernel), and a parsed command is
 * executed against the world and the kernel (cmd_exec, in exec.c).  Every
 * command that changes something has a canonical iproute2 spelling
 * (cmd_canonical), which the UI log and the lessons show.
 */
#ifndef NSVIZ_CMD_H
#define NSVIZ_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "fmt/fmt.h"
#include "tc/tc.h"
#include "world/world.h"

struct sbuf;

/* One value per verb, in the order of the verb table (src/cmd/verbs.c),
 * which says everything else about it: its words, usage, flags, parse,
 * canon; and src/cmd/exec.c's table says how it runs. */
enum cmd_verb {
	CMD_NONE = 0,
	CMD_NETNS_LIST, CMD_NETNS_ADD, CMD_NETNS_DEL, CMD_NETNS_PIDS,
	CMD_NETNS_IDENTIFY, CMD_NETNS_EXEC,
	CMD_NETNS_LIST_ID, CMD_NETNS_SET, CMD_NETNS_ATTACH,
	CMD_LINK_ADD, CMD_LINK_SET, CMD_LINK_DEL, CMD_LINK_SHOW,
	CMD_ADDR_ADD, CMD_ADDR_DEL, CMD_ADDR_SHOW,
	CMD_ROUTE_ADD, CMD_ROUTE_DEL, CMD_ROUTE_SHOW, CMD_ROUTE_GET,
	CMD_NEIGH_SHOW,
	/* the bridge command (bridge(8)) */
	CMD_BRIDGE_LINK_SHOW, CMD_BRIDGE_FDB_SHOW,
	CMD_BRIDGE_VLAN_ADD, CMD_BRIDGE_VLAN_DEL, CMD_BRIDGE_VLAN_SHOW,
	/* routing (issue 11) */
	CMD_ROUTE_CHANGE, CMD_ROUTE_REPLACE, CMD_ROUTE_PREPEND, CMD_ROUTE_APPEND,
	CMD_RULE_SHOW, CMD_RULE_ADD, CMD_RULE_DEL,
	CMD_ADDR_FLUSH,
	CMD_NEIGH_ADD, CMD_NEIGH_CHANGE, CMD_NEIGH_REPLACE, CMD_NEIGH_DEL,
	CMD_NEIGH_FLUSH,
	/* nsviz's own, not ip's */
	CMD_PING, CMD_SYSCTL,
	CMD_ECHO_START, CMD_ECHO_LIST, CMD_ECHO_STOP, CMD_ECHO_LOG,
	CMD_SEND,
	/* the nft command (nft(8)), run through libnftables (issue 14) */
	CMD_NFT, CMD_NFT_LIST,
	/* the tc command (tc(8)): qdiscs and classes (issue 14) */
	CMD_TC_QDISC_ADD, CMD_TC_QDISC_CHANGE, CMD_TC_QDISC_REPLACE,
	CMD_TC_QDISC_DEL, CMD_TC_QDISC_SHOW,
	CMD_TC_CLASS_ADD, CMD_TC_CLASS_CHANGE, CMD_TC_CLASS_REPLACE,
	CMD_TC_CLASS_DEL, CMD_TC_CLASS_SHOW,
	/* why a packet does or does not get there (issue 15) */
	CMD_WHY,
	CMD_VERB_COUNT
};

/* ---- the arguments of each object's verbs (struct cmd's union) ------- */

/* netns add|del|pids|list NAME, netns identify [PID], netns exec NAME
 * (its program in struct cmd's exec_argv / sub), netns attach NAME PID,
 * netns set NAME NSID|auto, netns list-id [target-nsid N] [nsid N];
 * -all (struct cmd's all) netns exec PROG... and netns del, no name */
struct cmd_netns {
	char name[W_NSNAME_MAX];
	pid_t pid;              /* identify: 0 = self; attach: the process */
	int nsid;               /* set: -1 = auto; list-id: -1 = not given */
	int target_nsid;        /* list-id: -1 = not given */
};

/* link add|set|del|show */
struct cmd_link {
	char name[W_IFNAMSIZ];  /* the device; "" = every one (show) */
	char kind[24];          /* add: "veth", "bridge" */
	char peer[W_IFNAMSIZ];  /* add type veth: peer name PEER [netns NS] */
	char peer_ns[W_NSNAME_MAX];   /* "" = same namespace */
	/* set: several may be given in one command */
	int up;                 /* -1 unchanged, 0 down, 1 up */
	bool has_netns;
	char netns[W_NSNAME_MAX];
	bool has_mtu;
	unsigned mtu;
	bool has_mac;
	uint8_t mac[6];
	bool has_master;        /* master BR: make the link a port of BR */
	char master[W_IFNAMSIZ];
	bool nomaster;          /* nomaster: take it out of its bridge */

	/* ---- linkkinds (issue 11): kinds, more settings, show filters ---- */
	char link[W_IFNAMSIZ];  /* add: link DEV, the lower device (vlan,
	                         * macvlan, ipvlan) */
	bool kind_opts;         /* add: options followed type KIND (ip sends
	                         * IFLA_INFO_DATA only then) */
	int vlan_id;            /* vlan: id N; -1 not given */
	uint16_t vlan_proto;    /* vlan: 0x8100, 0x88a8; 0 not given */
	uint32_t macvlan_mode;  /* macvlan: MACVLAN_MODE_*; 0 not given */
	int ipvlan_mode;        /* ipvlan: IPVLAN_MODE_*; -1 not given */
	int ipvlan_flags;       /* ipvlan: -1 not given, 0 bridge, IPVLAN_F_* */
	bool has_vni;           /* vxlan: id N */
	uint32_t vni;
	bool vx_group;          /* vxlan: vx_remote was given as group */
	struct w_ip vx_remote;  /* vxlan: remote or group; family 0 none */
	struct w_ip vx_local;
	char vx_dev[W_IFNAMSIZ];
	int vx_ttl;             /* vxlan: -1 not given, 0 auto */
	int vx_dstport;         /* vxlan: -1 not given */
	bool has_newname;       /* set: name NEW */
	char newname[W_IFNAMSIZ];
	bool has_alias;         /* set: alias TEXT ("" clears it) */
	char alias[256];
	int32_t txqlen;         /* set: txqueuelen N; -1 unchanged */
	int promisc;            /* set: promisc on|off; -1 unchanged */
	int arp;                /* set: arp on|off; -1 unchanged */
	bool show_up;           /* show: up */
	char show_type[32];     /* show: type KIND ("bridge_slave" too) */

	/* add|set ... type bridge OPTS, set ... type bridge_slave OPTS
	 * (parse_bridge.c); has_bropts: `type` was given to link set */
	bool has_bropts;
	struct w_bropts bropts;
};

/* addr add|del ADDR[/LEN] dev NAME; addr show [dev NAME] */
struct cmd_addr {
	struct w_ip addr;
	int prefixlen;          /* add/del: defaults to 32/128 */
	char dev[W_IFNAMSIZ];   /* show: "" = every device */
	/* routing (issue 11): addr show up; addr flush [dev NAME] [scope S] */
	bool up;
	int scope;              /* flush: -1 = any scope; add/del: -1 unset */
	/* issue 14: ip's address options (add/del) */
	bool has_peer;
	struct w_ip peer;       /* peer ADDR[/LEN]: IFA_ADDRESS */
	int peer_len;           /* the prefix length of the address then */
	int brd;                /* 0 none, 1 brd ADDR, '+' or '-' (computed) */
	struct w_ip brd_ip;
	char label[W_IFNAMSIZ]; /* "" = none */
	bool has_metric;
	uint32_t metric;        /* IFA_RT_PRIORITY */
	bool has_valid, has_preferred;
	uint32_t valid_lft, preferred_lft;  /* seconds, 0xffffffff forever */
	unsigned flags;         /* IFA_F_NODAD, HOMEADDRESS, MANAGETEMPADDR,
	                         * NOPREFIXROUTE */
};

/* route add|del|show|get */
struct cmd_route {
	bool is_default;
	struct w_ip dst;        /* family set even for default; get: ADDR */
	int dst_len;            /* -1 when written without /len (host route) */
	bool has_via;
	struct w_ip via;
	bool has_dev;
	char dev[W_IFNAMSIZ];
	int scope;              /* -1 unset, else RT_SCOPE_* */
	bool has_src;
	struct w_ip src;
	bool has_metric;
	uint32_t metric;
	/* routing (issue 11) */
	bool has_table;
	uint32_t table;         /* add/del/show: table N|main|local|NAME */
	bool table_all;         /* show: table all */
	int type;               /* RTN_* typed (blackhole ...); 0 = none */
	bool has_proto;
	int proto;              /* add/del/show: proto P */
	int match;              /* show: enum fmt_prefix_match of dst */
	int via_len, src_len;   /* show: via/src PREFIX lengths, -1 = host */
	bool has_from;          /* get: from ADDR */
	struct w_ip from;
	char iif[W_IFNAMSIZ];   /* get: iif DEV ("" = none); oif is dev */
	bool has_mark;
	uint32_t mark;          /* get: mark M */
	/* issue 14: onlink; tos, mtu, pref (what nsviz save writes);
	 * nexthop via A dev D weight W onlink ... */
	bool onlink;
	bool via_fam;           /* via inet|inet6 ADDR of the other family
	                         * (RTA_VIA) */
	bool has_tos, has_mtu, has_pref;
	uint8_t tos;            /* rtm_tos */
	uint32_t mtu;           /* RTA_METRICS' RTAX_MTU */
	uint8_t pref;           /* RTA_PREF: 0 medium, 1 high, 3 low */
	int nnh;
	struct cmd_nexthop {
		bool has_via;
		bool via_fam;           /* of the other family: RTA_VIA */
		struct w_ip via;
		char dev[W_IFNAMSIZ];   /* "" = none */
		int weight;             /* 1..256; 0 = not given */
		bool onlink;
	} nh[W_MAX_NEXTHOPS];
};

/* neigh show [dev NAME]; routing (issue 11): neigh add|change|replace|
 * del ADDR [lladdr MAC] dev NAME [nud STATE] [router]; neigh flush
 * [dev NAME] [nud STATE] */
struct cmd_neigh {
	char dev[W_IFNAMSIZ];   /* "" = every device */
	struct w_ip dst;
	bool has_lladdr;
	uint8_t lladdr[6];
	bool lladdr_null;       /* lladdr null */
	bool has_nud;
	unsigned nud;           /* NUD_*; flush: a mask, 0x100 = none */
	bool nud_all;           /* flush: nud all */
	bool router;
};

/* routing (issue 11): rule add|del|show */
struct cmd_rule {
	bool invert;            /* not */
	struct w_ip from;       /* family 0 = from all */
	int from_len;
	struct w_ip to;
	int to_len;
	bool has_pref;
	uint32_t pref;          /* preference, order, priority */
	int tos;
	bool has_fwmark, has_fwmask;
	uint32_t fwmark, fwmask;
	char iif[W_IFNAMSIZ];
	char oif[W_IFNAMSIZ];
	bool has_table;
	uint32_t table;         /* lookup, table */
	int action;             /* FR_ACT_*: blackhole, unreachable, prohibit;
	                         * 0 = none typed */
	bool has_proto;
	int proto;
};

/* bridge vlan add|del dev DEV vid VID[-END] [pvid] [untagged] [self]
 * [master]; bridge vlan show [dev DEV]; bridge fdb show [dev DEV] [br BR];
 * bridge link show [dev DEV] */
struct cmd_bridge {
	char dev[W_IFNAMSIZ];   /* "" = every device (show) */
	char br[W_IFNAMSIZ];    /* fdb show br BR; "" = every bridge */
	unsigned vid;           /* 1..4094 */
	unsigned vid_end;       /* a range's last VID; 0 = no range */
	bool pvid, untagged;    /* the VLAN's flags */
	bool self, master;      /* on the device itself / on its bridge */
};

/* ping ADDR[%IF] [-c N] [-W S] [-i S] */
struct cmd_ping {
	struct w_ip target;
	char dev[W_IFNAMSIZ];   /* %IF: the interface of a link-local address */
	int count;              /* default 4 (no terminal to ^C); 0 = forever */
	double wait;            /* -W: seconds to wait for a late reply; 0 = 10 */
	double interval;        /* -i: seconds between requests; default 1 */
};

/* why ADDR[%IF] [proto icmp|tcp|udp] [port P] [from SRC] [--json]: the
 * path of one packet and its answer, explained (src/why/) */
struct cmd_why {
	struct w_ip target;
	char dev[W_IFNAMSIZ];   /* %IF of a link-local address */
	int proto;              /* IPPROTO_ICMP (default), _TCP, _UDP */
	unsigned port;          /* tcp, udp: default 4078 (nsviz's echo) */
	bool has_port;
	struct w_ip from;       /* family 0: the kernel chooses */
	bool probe;             /* --probe: send one real probe and watch
	                         * it (src/why/probe.c): sends traffic */
};

/* echo tcp|udp [port P] [bind ADDR] [idle S] [max-conns N] [max-msg B];
 * echo stop|log ID; send tcp|udp ADDR PORT MESSAGE [timeout S].  The
 * keywords may also be written --port, --bind, ... as `nsviz echo` takes
 * them.  Defaults are in echo/echo.h. */
struct cmd_echo {
	int proto;              /* ECHO_TCP, ECHO_UDP (echo/echo.h); 0 unset */
	unsigned port;          /* 1..65535; default 4078 */
	bool has_bind;
	struct w_ip bind;       /* echo: the address to listen at */
	double idle;            /* echo: seconds, 0 = never; default 5 */
	unsigned max_conns;     /* echo: default 16384 */
	unsigned max_msg;       /* echo: bytes per read; default 4096 */
	unsigned id;            /* echo stop|log: the server, from echo list */
	struct w_ip dst;        /* send */
	char *message;          /* send: owned, released by cmd_free */
	double timeout;         /* send: seconds; default 5 */
};

/* sysctl [-w] [-n] [-q] KEY[=VALUE]: a key under net. (those belong to a
 * network namespace), read or written in the namespace of -n. */
#define CMD_SYSCTL_KEY_MAX 256
#define CMD_SYSCTL_VALUE_MAX 256
struct cmd_sysctl {
	char key[CMD_SYSCTL_KEY_MAX];     /* "net.ipv4.ip_forward" */
	bool write;             /* KEY=VALUE (with -w, or without as sysctl) */
	char value[CMD_SYSCTL_VALUE_MAX];
	bool values_only;       /* -n: print the value alone */
	bool quiet;             /* -q: print nothing after a write */
};

/* nft [-a -s -t -S -u -n -y -p -T -e -j -c -o] COMMAND...: the words
 * after the options, as nft(8) takes them from its command line (joined
 * by blanks into the text libnftables parses).  CMD_NFT_LIST: list,
 * describe and get, which change nothing. */
enum cmd_nft_flag {
	CMD_NFT_HANDLE = 1u << 0,       /* -a */
	CMD_NFT_STATELESS = 1u << 1,    /* -s */
	CMD_NFT_TERSE = 1u << 2,        /* -t */
	CMD_NFT_SERVICE = 1u << 3,      /* -S */
	CMD_NFT_GUID = 1u << 4,         /* -u */
	CMD_NFT_NUM_PRIO = 1u << 5,     /* -y */
	CMD_NFT_NUM_PROTO = 1u << 6,    /* -p */
	CMD_NFT_NUM_TIME = 1u << 7,     /* -T */
	CMD_NFT_NUM_SYMBOL = 1u << 8,   /* with the three above: -n */
	CMD_NFT_ECHO = 1u << 9,         /* -e */
	CMD_NFT_JSON = 1u << 10,        /* -j */
};
#define CMD_NFT_NUMERIC (CMD_NFT_NUM_PRIO | CMD_NFT_NUM_PROTO | \
                         CMD_NFT_NUM_TIME | CMD_NFT_NUM_SYMBOL)
struct cmd_nft {
	unsigned oflags;        /* enum cmd_nft_flag */
	bool check;             /* -c: check only (dry run) */
	bool optimize;          /* -o */
	int argc;
	char **argv;            /* owned, released by cmd_free */
};

/* tc qdisc add|change|replace|del dev NAME [handle H:] root|parent P
 * [KIND [OPTIONS]]; tc class add|change|replace|del dev NAME parent P
 * classid C [KIND [OPTIONS]]; tc qdisc show [dev NAME] [root|parent P|
 * handle H:] [invisible]; tc class show dev NAME [root|parent P]
 * [classid C] [qdisc H:].  The kind's options: src/tc/tc.h. */
struct cmd_tc {
	char dev[W_IFNAMSIZ];   /* "" = every device (show) */
	bool has_handle;
	uint32_t handle;        /* qdisc: handle H:; class: classid C */
	bool has_parent;
	uint32_t parent;        /* TC_H_ROOT for root */
	bool has_qdisc;         /* class show: qdisc H: */
	uint32_t qdisc;
	bool invisible;         /* qdisc show: invisible */
	char kind[16];          /* "" = none given (del, show) */
	struct tc_opts o;       /* o.kind NULL: a kind nsviz has no options
	                         * for (added by name, as tc adds it) */
};

struct cmd {
	enum cmd_verb verb;     /* the tag: which member of u is meant */
	char ns[W_NSNAME_MAX];  /* -n NS; "" = the host (starting) namespace */
	int family;             /* -4/-6/-0 before the object: AF_INET,
	                         * AF_INET6, AF_PACKET; 0 = not given */
	struct fmt_opts opts;   /* -br -s -d -o -j -p before the object */
	bool all;               /* -a, -all: `-all netns exec` */

	/* the verb's object's arguments: the table entry of verb names
	 * the member (cmd_verb_entry(verb)->object) */
	union {
		struct cmd_netns netns;
		struct cmd_link link;
		struct cmd_addr addr;
		struct cmd_route route;
		struct cmd_neigh neigh;
		struct cmd_bridge bridge;
		struct cmd_rule rule;   /* routing (issue 11) */
		struct cmd_ping ping;
		struct cmd_why why;     /* issue 15 */
		struct cmd_echo echo;
		struct cmd_sysctl sysctl;
		struct cmd_nft nft;     /* issue 14 */
		struct cmd_tc tc;       /* issue 14 */
	} u;

	/* netns exec NAME PROG ARGS: owned copies, NULL-terminated.
	 * When PROG is `ip` (or nsviz's own command) the rest is parsed
	 * in-process into sub instead. */
	int exec_argc;
	char **exec_argv;
	struct cmd *sub;
};

/* Split a command line into words: blanks separate, '...' and "..."
 * quote, backslash escapes, # starts a comment at a word boundary.
 * Returns the number of words (0 for an empty line) or -1 with err set
 * (unterminated quote).  Free with cmd_free_words. */
int cmd_split(const char *line, char ***words, char *err, size_t errlen);
void cmd_free_words(char **words, int n);

/* Split a -c string into commands at unquoted ';' and newlines (quotes,
 * backslashes and # comments respected; empty commands skipped; in an nft
 * command, not between its braces, where ';' is nft's own).  Returns
 * the number of commands, each the raw text for cmd_split, or -1 with err
 * set.  *words / *cmds is NULL when the count is 0 or on error; otherwise
 * a NULL-terminated array to free with cmd_free_words. */
int cmd_split_list(const char *s, char ***cmds, char *err, size_t errlen);

/* Parse words into *c.  Returns 0, or -1 with a message in err that names
 * the offending word and the reason ("10.0.1.0/33: prefix length must be
 * 0..32").  Pure: consults no kernel state. */
int cmd_parse(int argc, char **argv, struct cmd *c, char *err, size_t errlen);
/* The same, and *verb is the verb the words named, also when they fail
 * to parse (CMD_NONE when the parser did not get that far): for
 * cmd_bad_input_status. */
int cmd_parse_verb(int argc, char **argv, struct cmd *c, char *err,
                   size_t errlen, enum cmd_verb *verb);
/* The exit status of words for verb that failed to parse: 2 for a verb
 * whose row says so (CMD_F_BAD_INPUT_2: why), else 1. */
int cmd_bad_input_status(enum cmd_verb verb);
void cmd_free(struct cmd *c);

/* The full keyword a typed object word (object NULL: "ro" -> "route")
 * or verb word of an object ("address", "a" -> "add"; the bridge
 * command's objects by name: "bridge vlan", "d" -> "delete") stands for, by
 * cmd_parse's own abbreviation rules; NULL when it names nothing nsviz
 * supports.  Objects are named as this returns them. */
const char *cmd_keyword(const char *object, const char *w);

/* true for a word that is one of iproute2's options before the object
 * (-n, -4, -6, -0, -br, -s, -d, -o, -j, -p, -all, -family) */
bool cmd_global_option(const char *w);

/* true for commands that change the kernel (CMD_F_CHANGES, or a sysctl
 * write, or an in-process netns exec of such a command) */
bool cmd_changes(const struct cmd *c);

/* true for commands that send packets (ping, send, netns exec, and why
 * with --probe) */
bool cmd_sends_traffic(const struct cmd *c);

/* An nft command's text as libnftables gets it: its words joined by
 * blanks, as nft(8) joins its argv. */
void cmd_nft_text(const struct cmd *c, struct sbuf *out);

/* The iproute2 spelling: "ip -n vnet addr add 10.0.2.0/24 dev veth1". */
void cmd_canonical(const struct cmd *c, struct sbuf *out);

/* Append one word as the canonical text writes it: quoted for the shell
 * (and for cmd_split) when it needs to be, after a blank unless out is
 * empty. */
void cmd_quote_word(struct sbuf *out, const char *w);

/* A tc handle or class ID as tc prints it: "1:", "1:10", ":10", "root",
 * "none" (parse_tc.c) */
void tc_classid_str(uint32_t h, char *buf, size_t len);

#endif
