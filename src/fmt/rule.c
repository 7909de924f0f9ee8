/* SPDX-License-Identifier: GPL-2.0-or-later */
/* rule.c - `ip rule show` text from the world's rules, as iproute2 6.1
 * prints it ("0:\tfrom all lookup local"): priority, selectors in ip's
 * order, then the action.  Pure code. */
#include "fmt/fmt.h"

#include <inttypes.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fmt/json.h"
#include "util/esc.h"
#include "util/sbuf.h"

/* /etc/iproute2/rt_realms as Debian ships it: 0 is "cosmos". */
const char *fmt_realm_name(uint32_t realm, char *buf, size_t len)
{
	if (realm == 0)
		snprintf(buf, len, "cosmos");
	else
		snprintf(buf, len, "%u", realm);
	return buf;
}

/* inet_proto_n2a: the names of /etc/protocols for what rules match */
static const char *proto_name(int p, char *buf, size_t len)
{
	static const struct { int num; const char *name; } names[] = {
		{ 1, "icmp" }, { 2, "igmp" }, { 4, "ipencap" }, { 6, "tcp" },
		{ 17, "udp" }, { 41, "ipv6" }, { 47, "gre" }, { 50, "esp" },
		{ 51, "ah" }, { 58, "ipv6-icmp" }, { 132, "sctp" },
		{ 136, "udplite" },
	};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].num == p)
			return names[i].name;
	snprintf(buf, len, "ipproto-%d", p);
	return buf;
}

static void addr_part(struct sbuf *out, const char *word,
                      const struct w_ip *ip, int len, int family)
{
	char buf[64];
	int host = family == AF_INET6 ? 128 : 32;

	if (ip->family) {
		sbuf_printf(out, "%s%s", word, w_ip_str(ip, buf, sizeof buf));
		if (len != host)
			sbuf_printf(out, "/%d", len);
	} else if (len) {
		sbuf_printf(out, "%s0/%d", word, len);
	}
}

static void ifname_part(struct sbuf *out, const char *word, const char *name,
                        bool detached)
{
	char buf[4 * W_IFNAMSIZ + 1];

	sbuf_printf(out, " %s %s", word, esc_str(name, buf, sizeof buf));
	if (detached)
		sbuf_add(out, " [detached]");
}

static void port_part(struct sbuf *out, const char *word, unsigned start,
                      unsigned end)
{
	if (start == end)
		sbuf_printf(out, " %s %u", word, start);
	else
		sbuf_printf(out, " %s %u-%u", word, start, end);
}

void fmt_rule(struct sbuf *out, const struct w_rule *r, bool details)
{
	char buf[64], buf2[64];

	sbuf_printf(out, "%u:\t", r->priority);
	if (r->flags & FIB_RULE_INVERT)
		sbuf_add(out, "not ");
	if (r->src.family || r->src_len)
		addr_part(out, "from ", &r->src, r->src_len, r->family);
	else
		sbuf_add(out, "from all");
	addr_part(out, " to ", &r->dst, r->dst_len, r->family);
	if (r->tos)
		sbuf_printf(out, " tos %s", fmt_dsfield_name(r->tos, buf, sizeof buf));
	if (r->has_fwmark || r->has_fwmask) {
		/* C's %#x: 0 stays "0" */
		sbuf_printf(out, " fwmark %#x", r->fwmark);
		if (r->has_fwmask && r->fwmask != 0xffffffffu)
			sbuf_printf(out, "/%#x", r->fwmask);
	}
	if (r->iifname[0])
		ifname_part(out, "iif", r->iifname,
		            r->flags & FIB_RULE_IIF_DETACHED);
	if (r->oifname[0])
		ifname_part(out, "oif", r->oifname,
		            r->flags & FIB_RULE_OIF_DETACHED);
	if (r->l3mdev)
		sbuf_add(out, " lookup [l3mdev-table]");
	if (r->has_uid_range)
		sbuf_printf(out, " uidrange %u-%u", r->uid_start, r->uid_end);
	if (r->ipproto)
		sbuf_printf(out, " ipproto %s",
		            proto_name(r->ipproto, buf, sizeof buf));
	if (r->has_sport)
		port_part(out, "sport", r->sport_start, r->sport_end);
	if (r->has_dport)
		port_part(out, "dport", r->dport_start, r->dport_end);
	if (r->has_tun_id)
		sbuf_printf(out, " tun_id %" PRIu64, r->tun_id);
	if (r->table) {
		sbuf_printf(out, " lookup %s",
		            fmt_table_name((int)r->table, buf, sizeof buf));
		if (r->has_suppress_prefixlen && r->suppress_prefixlen != -1)
			sbuf_printf(out, " suppress_prefixlength %d",
			            (int)r->suppress_prefixlen);
		if (r->has_suppress_ifgroup && r->suppress_ifgroup != -1)
			sbuf_printf(out, " suppress_ifgroup %s",
			            fmt_group_name(r->suppress_ifgroup, buf,
			                           sizeof buf));
	}
	if (r->has_flow) {
		uint32_t to = r->flow & 0xffff, from = r->flow >> 16;

		if (from)
			sbuf_printf(out, " realms %s/",
			            fmt_realm_name(from, buf, sizeof buf));
		else
			sbuf_add(out, " realms ");
		sbuf_add(out, fmt_realm_name(to, buf2, sizeof buf2));
	}
	if (r->action == RTN_NAT) {
		sbuf_add(out, " masquerade");
	} else if (r->action == FR_ACT_GOTO) {
		if (r->has_goto)
			sbuf_printf(out, " goto %u", r->goto_target);
		else
			sbuf_add(out, " goto none");
		if (r->flags & FIB_RULE_UNRESOLVED)
			sbuf_add(out, " [unresolved]");
	} else if (r->action == FR_ACT_NOP) {
		sbuf_add(out, " nop");
	} else if (r->action != FR_ACT_TO_TBL) {
		sbuf_printf(out, " %s", fmt_rtype_name(r->action, buf, sizeof buf));
	}
	if (r->has_protocol &&
	    ((r->protocol && r->protocol != RTPROT_KERNEL) || details))
		sbuf_printf(out, " proto %s",
		            fmt_proto_name(r->protocol, buf, sizeof buf));
	sbuf_addc(out, '\n');
}

/* the first bits of a and b agree (iproute2's inet_addr_match) */
static bool bits_eq(const uint8_t *a, const uint8_t *b, int bits)
{
	int bytes = bits / 8, rest = bits % 8;

	if (bits <= 0)
		return true;
	if (memcmp(a, b, (size_t)bytes))
		return false;
	return !rest || !((a[bytes] ^ b[bytes]) & (uint8_t)(0xffu << (8 - rest)));
}

/* the rule's prefix (ip, len) lies inside the filter's (fip, flen) */
static bool prefix_in(const struct w_ip *fip, int flen, const struct w_ip *ip,
                      int len, int family)
{
	static const uint8_t zero[16];

	if (!fip->family)
		return true;
	if (fip->family != family || flen > len)
		return false;
	return bits_eq(ip->family ? ip->a : zero, fip->a, flen);
}

bool fmt_rule_match(const struct fmt_rule_filter *f, const struct w_rule *r)
{
	if (f->has_priority && f->priority != r->priority)
		return false;
	if (f->invert && !(r->flags & FIB_RULE_INVERT))
		return false;
	if (!prefix_in(&f->src, f->src_len, &r->src, r->src_len, r->family) ||
	    !prefix_in(&f->dst, f->dst_len, &r->dst, r->dst_len, r->family))
		return false;
	if (f->has_tos && f->tos != r->tos)
		return false;
	if (f->fwmark && f->fwmark != r->fwmark)
		return false;
	if (f->fwmask && f->fwmask != r->fwmask)
		return false;
	if (f->iif[0] && strcmp(f->iif, r->iifname))
		return false;
	if (f->oif[0] && strcmp(f->oif, r->oifname))
		return false;
	if (f->table && f->table != r->table)
		return false;
	return true;
}

void fmt_rule_show_filtered(struct sbuf *out, const struct w_ns *ns,
                            int family, bool details,
                            const struct fmt_rule_filter *f)
{
	if (!ns)
		return;
	if (family != AF_INET6)
		family = AF_INET;
	for (size_t i = 0; i < ns->nrules; i++)
		if (ns->rules[i].family == family &&
		    (!f || fmt_rule_match(f, &ns->rules[i])))
			fmt_rule(out, &ns->rules[i], details);
}

void fmt_rule_show(struct sbuf *out, const struct w_ns *ns, int family,
                   bool details)
{
	fmt_rule_show_filtered(out, ns, family, details, NULL);
}

/* ---- show --json's rules: ip -d -j rule show's keys -------------------- */

static void fj_addr_part(struct fj *j, const char *key, const char *lenkey,
                         const struct w_ip *ip, int len, int family)
{
	char buf[64];
	int host = family == AF_INET6 ? 128 : 32;

	if (ip->family) {
		fj_str(j, key, w_ip_str(ip, buf, sizeof buf));
		if (len != host)
			fj_uint(j, lenkey, (unsigned)len);
	} else if (len) {
		fj_str(j, key, "0");
		fj_uint(j, lenkey, (unsigned)len);
	} else if (!strcmp(key, "src")) {
		fj_str(j, key, "all");
	}
}

static void fj_ports(struct fj *j, const char *key, unsigned start,
                     unsigned end)
{
	char k[16];

	if (start == end) {
		fj_uint(j, key, start);
		return;
	}
	snprintf(k, sizeof k, "%s_start", key);
	fj_uint(j, k, start);
	snprintf(k, sizeof k, "%s_end", key);
	fj_uint(j, k, end);
}

void fj_rule_members(struct fj *j, const struct w_rule *r)
{
	char buf[64];

	fj_uint(j, "priority", r->priority);
	if (r->flags & FIB_RULE_INVERT)
		fj_null(j, "not");
	fj_addr_part(j, "src", "srclen", &r->src, r->src_len, r->family);
	fj_addr_part(j, "dst", "dstlen", &r->dst, r->dst_len, r->family);
	if (r->tos)
		fj_str(j, "tos", fmt_dsfield_name(r->tos, buf, sizeof buf));
	if (r->has_fwmark || r->has_fwmask) {
		snprintf(buf, sizeof buf, "%#x", r->fwmark);
		fj_str(j, "fwmark", buf);
		if (r->has_fwmask && r->fwmask != 0xffffffffu) {
			snprintf(buf, sizeof buf, "%#x", r->fwmask);
			fj_str(j, "fwmask", buf);
		}
	}
	if (r->iifname[0]) {
		fj_str(j, "iif", r->iifname);
		if (r->flags & FIB_RULE_IIF_DETACHED)
			fj_null(j, "iif_detached");
	}
	if (r->oifname[0]) {
		fj_str(j, "oif", r->oifname);
		if (r->flags & FIB_RULE_OIF_DETACHED)
			fj_null(j, "oif_detached");
	}
	if (r->l3mdev)
		fj_null(j, "l3mdev");
	if (r->has_uid_range) {
		fj_uint(j, "uid_start", r->uid_start);
		fj_uint(j, "uid_end", r->uid_end);
	}
	if (r->ipproto)
		fj_str(j, "ipproto", proto_name(r->ipproto, buf, sizeof buf));
	if (r->has_sport)
		fj_ports(j, "sport", r->sport_start, r->sport_end);
	if (r->has_dport)
		fj_ports(j, "dport", r->dport_start, r->dport_end);
	if (r->has_tun_id)
		fj_uint(j, "tun_id", r->tun_id);
	if (r->table) {
		fj_str(j, "table", fmt_table_name((int)r->table, buf, sizeof buf));
		if (r->has_suppress_prefixlen && r->suppress_prefixlen != -1)
			fj_int(j, "suppress_prefixlen", r->suppress_prefixlen);
		if (r->has_suppress_ifgroup && r->suppress_ifgroup != -1)
			fj_str(j, "suppress_ifgroup",
			       fmt_group_name(r->suppress_ifgroup, buf,
			                      sizeof buf));
	}
	if (r->has_flow) {
		uint32_t to = r->flow & 0xffff, from = r->flow >> 16;

		if (from)
			fj_str(j, "flow_from",
			       fmt_realm_name(from, buf, sizeof buf));
		fj_str(j, "flow_to", fmt_realm_name(to, buf, sizeof buf));
	}
	if (r->action == RTN_NAT) {
		fj_null(j, "masquerade");
	} else if (r->action == FR_ACT_GOTO) {
		if (r->has_goto)
			fj_uint(j, "goto", r->goto_target);
		else
			fj_str(j, "goto", "none");
		if (r->flags & FIB_RULE_UNRESOLVED)
			fj_null(j, "unresolved");
	} else if (r->action == FR_ACT_NOP) {
		fj_null(j, "nop");
	} else if (r->action != FR_ACT_TO_TBL) {
		fj_str(j, "action", fmt_rtype_name(r->action, buf, sizeof buf));
	}
	if (r->has_protocol)
		fj_str(j, "protocol", fmt_proto_name(r->protocol, buf,
		                                     sizeof buf));
}
