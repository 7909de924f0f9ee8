/* SPDX-License-Identifier: GPL-2.0-or-later */
/* test_show_json.c - what show --json says so that a topology can be
 * made again from it (src/topo/fromjson*.c reads it back): a kind's
 * options in linkinfo.info_data, a port's in info_slave_data, without
 * the bridge's running timers (they change while nothing else does),
 * and every namespace's policy rules. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <json-c/json.h>
#include <linux/fib_rules.h>
#include <linux/if.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "show/show.h"
#include "util/sbuf.h"
#include "world/world.h"

/* one attribute of a run: nla_len, nla_type, value, padded to 4 */
static size_t put_attr(uint8_t *run, size_t at, int type, const void *v,
                       size_t len)
{
	struct nlattr a = { (uint16_t)(NLA_HDRLEN + len), (uint16_t)type };

	memcpy(run + at, &a, sizeof a);
	memcpy(run + at + NLA_HDRLEN, v, len);
	return at + NLA_ALIGN(NLA_HDRLEN + len);
}

static struct json_object *get(struct json_object *o, const char *path)
{
	char key[64];
	const char *dot;

	while (o && *path) {
		dot = strchr(path, '.');
		snprintf(key, sizeof key, "%.*s",
		         (int)(dot ? (size_t)(dot - path) : strlen(path)), path);
		if (key[0] >= '0' && key[0] <= '9')
			o = json_object_array_get_idx(o, (size_t)atoi(key));
		else if (!json_object_object_get_ex(o, key, &o))
			o = NULL;
		path = dot ? dot + 1 : "";
	}
	return o;
}

static void test_linkinfo_and_rules(void **state)
{
	struct world *w = world_new();
	struct w_ns *ns = world_add_ns(w, W_NS_NAMED, "b", 4, 4026532400u);
	struct w_event ev;
	struct w_link *l = &ev.u.link;
	struct sbuf out = SBUF_INIT;
	struct json_object *doc, *br;
	uint8_t run[64];
	uint32_t fd = 500;
	uint64_t gc = 1234;
	size_t n;

	(void)state;
	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWLINK;
	l->ifindex = 3;
	snprintf(l->name, sizeof l->name, "br0");
	snprintf(l->kind, sizeof l->kind, "bridge");
	l->flags = IFF_UP;
	l->mtu = 1500;
	l->operstate = -1;
	l->linkmode = -1;
	l->txqlen = -1;
	l->arptype = ARPHRD_ETHER;
	l->peer_ns_id = -1;
	n = put_attr(run, 0, IFLA_BR_FORWARD_DELAY, &fd, sizeof fd);
	n = put_attr(run, n, IFLA_BR_GC_TIMER, &gc, sizeof gc);
	w_link_set_run(l, false, run, n);
	l->d_has |= W_D_LINKINFO | W_D_INFO_DATA;
	world_apply(w, ns, &ev);
	w_event_release(&ev);

	memset(&ev, 0, sizeof ev);
	ev.type = W_EV_NEWRULE;
	ev.u.rule.family = AF_INET;
	ev.u.rule.action = FR_ACT_TO_TBL;
	ev.u.rule.table = 100;
	ev.u.rule.has_priority = true;
	ev.u.rule.priority = 1000;
	assert_int_equal(w_ip_parse("10.0.1.0", &ev.u.rule.src), 0);
	ev.u.rule.src_len = 24;
	ev.u.rule.has_protocol = true;
	world_apply(w, ns, &ev);

	show_world_json(&out, w);
	doc = json_tokener_parse(sbuf_str(&out));
	assert_non_null(doc);
	br = get(doc, "namespaces.0.links.0.linkinfo");
	assert_non_null(br);
	assert_string_equal(json_object_get_string(get(br, "info_kind")),
	                    "bridge");
	assert_int_equal(json_object_get_int(get(br, "info_data.forward_delay")),
	                 500);
	/* a running timer is not the bridge's state */
	assert_null(get(br, "info_data.gc_timer"));
	assert_string_equal(json_object_to_json_string_ext(
		get(doc, "namespaces.0.rules"), JSON_C_TO_STRING_PLAIN),
		"[{\"priority\":1000,\"src\":\"10.0.1.0\",\"srclen\":24,"
		"\"table\":\"100\",\"protocol\":\"unspec\",\"family\":\"inet\"}]");
	json_object_put(doc);
	sbuf_free(&out);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linkinfo_and_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
