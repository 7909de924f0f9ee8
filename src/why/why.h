/* SPDX-License-Identifier: GPL-2.0-or-later */
/* why.h - why a packet gets there or not (issue 15).
 *
 * `why ADDR` follows one packet the way the kernel would, namespace by
 * namespace, and then its answer back: at each hop the kernel's own
 * route lookup (RTM_GETROUTE with the input interface and source, so
 * policy routing and rp_filter are the kernel's answer, not a copy of
 * its rules), the state of the way out, the wire it leads onto (veth
 * peer, bridge ports and their VLANs), who on that wire has the next
 * hop, forwarding where the packet only passes through, and at the end
 * whether anything answers.  The first thing that stops it is the
 * verdict, with a command that would fix it when there is an obvious
 * one.  Read-only: nothing is sent and nothing is changed.
 *
 * trace.c walks (the kernel's answers, one hop at a time), wire.c is the
 * link layer (where a frame sent out of a link is received), say.c
 * writes the result as text and JSON.
 */
#ifndef NSVIZ_WHY_H
#define NSVIZ_WHY_H

#include <stdbool.h>

#include "world/world.h"
#include "why/rules.h"

struct ksync;
struct kerr;
struct sbuf;

#define WHY_MAX_HOPS 32
#define WHY_MAX_FIX 3

enum why_reason {
	WHY_OK = 0,
	WHY_NO_ROUTE,           /* route lookup fails */
	WHY_ROUTE_TYPE,         /* an unreachable, blackhole, prohibit route */
	WHY_LINK_DOWN,          /* the way out is down */
	WHY_PEER_DOWN,          /* the far end of the cable is down */
	WHY_NO_NEIGH,           /* nobody on the wire has the next hop */
	WHY_BRPORT_DOWN,        /* the bridge port towards it is down */
	WHY_BRPORT_STATE,       /* the port is not forwarding (STP) */
	WHY_VLAN,               /* the bridge does not carry the VLAN there */
	WHY_NO_FORWARDING,      /* a namespace it passes does not forward */
	WHY_RP_FILTER,          /* reverse path filtering drops it */
	WHY_NOT_LISTENING,      /* nothing listens on the port */
	WHY_ECHO_IGNORED,       /* echo requests are ignored there */
	WHY_UNREADABLE,         /* a namespace nsviz cannot read */
	WHY_LOOP,               /* more than WHY_MAX_HOPS hops */
	WHY_ERROR,              /* the kernel said something else */
	/* nftables (rules.c, nfthook.c) */
	WHY_NFT_DROP,           /* a rule or a base chain's policy drops it */
	WHY_NFT_MAY_DROP        /* a rule nsviz cannot judge may drop it */
};

/* One namespace the packet is in. */
struct why_hop {
	struct w_ns *ns;
	char in[W_IFNAMSIZ];    /* the interface it came in by; "" = made here */
	bool local;             /* it is for this namespace */
	bool has_route;
	char route[512];        /* the lookup as `ip route get` prints it */
	char said[160];         /* the lookup failed: the kernel's words */
	char out[W_IFNAMSIZ];   /* the way out; "" = none */
	char out_state[24];     /* "up", "down", "no carrier" */
	bool has_gw;
	struct w_ip nh;         /* the next hop: the gateway, or the address */
	char neigh[16];         /* the neighbour entry's state, "" = none */
	struct w_ns *to_ns;     /* where the frame is received, NULL: nowhere */
	char to_if[W_IFNAMSIZ];
	char wire[256];         /* how: "bridge br0 in host", "" = a cable */
	char note[256];         /* something on the way (netem), "" */
	/* nftables on this hop (nfthook.c): the rules that decided something for
	 * the packet, at every hook it met here, and a note when the rules
	 * could not be read or translated it */
	struct why_rule_hit rules[WHY_MAX_RULES];
	int nrules;
	char nft_note[320];
};

/* One direction. */
struct why_leg {
	struct w_ip src, dst;
	struct why_hop hops[WHY_MAX_HOPS];
	int nhops;
	bool arrives;
	/* NAT (nfthook.c): src and dst are the packet as it is now; as it
	 * started, when a rule translated it on the way */
	bool natted;
	struct w_ip src0, dst0;
	unsigned port;          /* its destination port now (0: q's) */
};

struct why_query {
	struct w_ns *ns;        /* where the packet starts */
	struct w_ip dst;
	int oif;                /* ADDR%IF: the interface, 0 = none */
	struct w_ip src;        /* from SRC; family 0: the kernel's choice */
	int proto;              /* IPPROTO_ICMP, _TCP, _UDP */
	unsigned port;
};

struct why_result {
	struct why_query q;
	struct why_leg req, rep;
	bool rep_tried;         /* the request arrived: the reply was followed */
	struct w_ns *dst_ns;    /* where the request arrives, NULL: nowhere */
	enum why_reason reason;
	struct w_ns *where;     /* the namespace it stops in (NULL when ok) */
	bool in_reply;          /* it stops on the way back */
	char object[128];       /* what stops it: "10.0.1.0", "eth0" */
	char text[1024];        /* the verdict, in a learner's words */
	char fix[WHY_MAX_FIX][320];
	int nfix;
};

/* Follow q's packet and its answer.  0, or -1 with e set when the kernel
 * could not be asked at all (a verdict of WHY_ERROR is not -1). */
int why_trace(struct ksync *k, struct world *w, const struct why_query *q,
              struct why_result *r, struct kerr *e);

/* "no-route", ... (the JSON reason) */
const char *why_reason_code(enum why_reason r);
/* The result as text (names not yet escaped: the caller escapes the
 * whole text) and as one JSON object. */
void why_text(const struct why_result *r, struct sbuf *out);
void why_json(const struct why_result *r, struct sbuf *out);
/* One hop of a leg as why_text writes it (the map's hop by hop). */
void why_hop_text(const struct why_leg *g, int i, bool reply, int width,
                  struct sbuf *out);

/* ---- shared with the verb (trace.c) ------------------------------------
 * Whether ns has the address ip on link l (l NULL: on any link), usable:
 * *tentative (when not NULL) is set for one still in duplicate address
 * detection, or failed it, which does not count. */
bool why_has_addr(const struct w_ns *ns, const struct w_link *l,
                  const struct w_ip *ip, bool *tentative);

/* ---- why --probe (probe.c) ---------------------------------------------
 * After the trace, one real probe: an ICMP echo request, a TCP SYN (a
 * non-blocking connect) or one UDP datagram, sent from the start
 * namespace, watched by a libpcap capture on every interface of the
 * predicted path (each hop's way in and out, both legs, and where the
 * frames land), filtered to the probe, its answers and errors and the
 * next hops' ARP / neighbour solicitations.  It waits 1 s at most (less
 * when the answer is back).  Then it says what each interface saw and
 * whether reality agrees with the prediction. */
#define WHY_PROBE_MAX_IF 48

struct why_probe_if {
	struct w_ns *ns;
	char ifname[W_IFNAMSIZ];
	struct w_ip nh;         /* the next hop asked for here, family 0: none */
	bool on_req;            /* on the request leg (the order is the leg's) */
	char err[200];          /* could not be watched: why; "" = watched */
	unsigned req, rep;      /* the probe; its answer (echo reply, SYN-ACK,
	                         * a datagram back) */
	unsigned rst;           /* TCP RST for the probe */
	unsigned who_has, is_at;        /* ARP / ND for nh */
	char icmp_err[48];      /* "port unreachable" ... seen, "" = none */
};

struct why_probe {
	bool sent;              /* the kernel took the probe */
	char not_sent[200];     /* why not ("Network is unreachable") */
	bool not_run;           /* nsviz could not probe at all (not_sent) */
	unsigned id;            /* ICMP echo id, or the source port */
	struct why_probe_if ifs[WHY_PROBE_MAX_IF];
	int nifs;
	bool back;              /* the answer came back to the start */
	bool refused;           /* an RST or ICMP error came back */
	bool delivered;         /* seen arriving where the address is */
	bool ok;                /* reality: both ways work */
	bool differs;           /* reality is not the prediction */
	char text[768];         /* "confirmed: ..." or "differs: ..." */
};

/* Send r's probe and watch it; 0, or -1 when it could not be tried at
 * all (p->not_run, p->not_sent say why). */
int why_probe(struct ksync *k, const struct why_result *r,
              struct why_probe *p);
/* What was seen, as text (names not yet escaped, as why_text), and as
 * the member "probe" added to the object why_json wrote into json. */
void why_probe_text(const struct why_result *r, const struct why_probe *p,
                    struct sbuf *out);
void why_probe_json(const struct why_result *r, const struct why_probe *p,
                    struct sbuf *json);

#endif
