/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz_whyrules.c - libFuzzer target for why's nftables judge
 * (src/why/rules.c; make fuzz): what libnftables lists of a namespace's
 * ruleset is untrusted text (names, numbers, nesting anyone could make).
 *
 * Input: one byte (bits 0-2: the hook, modulo 5; bits 3-4: icmp, tcp,
 * udp; bit 5: a reply; bit 6: IPv6), then the JSON, then optionally a
 * line "%%" and the `list ruleset -a` text.  Checked: the judge returns
 * 0 or -1; the hits are at most WHY_MAX_RULES, the stopping and the
 * translating hit among them, every string of a hit terminated, every
 * verdict one of the names. */
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "why/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_whyrules: %s\n", what);
	abort();
}

static void terminated(const char *s, size_t len)
{
	if (!memchr(s, '\0', len))
		fail("a string of a hit is not terminated");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct why_rules *out;
	struct why_pkt p;
	char *json, *text;
	int rc;

	if (size < 1)
		return 0;
	if (!(json = fuzz_text(data + 1, size - 1)))
		return 0;
	text = strstr(json, "\n%%\n");
	if (text) {
		*text = '\0';
		text += 4;
	}
	memset(&p, 0, sizeof p);
	p.family = data[0] & 0x40 ? AF_INET6 : AF_INET;
	p.proto = (data[0] >> 3 & 3) == 1 ? IPPROTO_TCP
	          : (data[0] >> 3 & 3) == 2 ? IPPROTO_UDP : IPPROTO_ICMP;
	p.reply = data[0] & 0x20;
	w_ip_parse(p.family == AF_INET6 ? "fd00::1" : "10.0.0.1", &p.src);
	w_ip_parse(p.family == AF_INET6 ? "fd00::2" : "10.0.0.2", &p.dst);
	if (p.proto != IPPROTO_ICMP) {
		if (p.reply)
			p.sport = 80;
		else
			p.dport = 80;
	}
	snprintf(p.iif, sizeof p.iif, "eth0");
	snprintf(p.oif, sizeof p.oif, "eth1");
	if (!(out = calloc(1, sizeof *out))) {
		free(json);
		return 0;
	}
	(void)why_rules_any(json);
	rc = why_rules_judge(json, text, (enum why_hook)(data[0] & 7) % 5, &p,
	                     out);
	if (rc != 0 && rc != -1)
		fail("the judge returns neither 0 nor -1");
	if (rc == 0) {
		if (out->n < 0 || out->n > WHY_MAX_RULES)
			fail("more hits than WHY_MAX_RULES");
		if (out->stop < -1 || out->stop >= out->n)
			fail("the stopping hit is not a hit");
		if (out->nat < -1 || out->nat >= out->n)
			fail("the translating hit is not a hit");
		for (int i = 0; i < out->n; i++) {
			const struct why_rule_hit *h = &out->v[i];

			terminated(h->family, sizeof h->family);
			terminated(h->table, sizeof h->table);
			terminated(h->chain, sizeof h->chain);
			terminated(h->text, sizeof h->text);
			terminated(h->cannot, sizeof h->cannot);
			if (!strcmp(why_rv_name(h->verdict), "?"))
				fail("a verdict without a name");
		}
	}
	free(out);
	free(json);
	return 0;
}
