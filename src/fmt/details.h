/* SPDX-License-Identifier: GPL-2.0-or-later */
/* details.h - the tables of a bridge's and a bridge port's options that
 * fmt/details.c prints as text and fmt/details_json.c as JSON: one row
 * per attribute in ip's order, with ip's word and ip's JSON key. */
#ifndef NSVIZ_FMT_DETAILS_H
#define NSVIZ_FMT_DETAILS_H

#include <stddef.h>
#include <stdint.h>

enum item {
	I_U8, I_U16, I_U32, I_U64, I_HEX16, I_ONOFF, I_TIMER, I_BRID,
	I_MAC, I_PORTSTATE, I_FWDMASK, I_IFNAME, I_BOOLOPT, I_VLANPROTO,
	I_ROOTID,       /* ip 6.1 prints the bridge id for designated_root */
	I_INT16, I_INT32   /* printed signed ("%d", a JSON int) */
};

struct field {
	int type;
	enum item how;
	const char *word;   /* the text's word */
	const char *jkey;   /* the JSON key: NULL the word, "" none */
};

extern const struct field fmt_bridge_fields[];
extern const size_t fmt_bridge_nfields;
extern const struct field fmt_bridge_slave_fields[];
extern const size_t fmt_bridge_slave_nfields;

/* tun's type word ("tap"); the user and group names of an owner, NULL
 * when the system has none (ip prints the number then) */
const char *fmt_tun_type(uint8_t type, char *buf, size_t len);
const char *fmt_uid_name(uint32_t uid);
const char *fmt_gid_name(uint32_t gid);
/* ip's hexstring_n2a: "00ab12" */
const char *fmt_hexstring(const uint8_t *p, size_t n, char *buf, size_t len);

#endif
