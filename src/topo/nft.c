/* SPDX-License-Identifier: GPL-2.0-or-later */
/* nft.c - a namespace's nftables ruleset as the tables a topology holds
 * (pure): `nft -s list ruleset` cut into its tables, each written on one
 * line that nft reads back whole (`nft 'table ip nat { chain post { ...;
 * }; }'`), the statements of a block separated by `;` where the listing
 * has a line break, a set's elements (a line ending in `,`) kept
 * together. */
#include "topo/save.h"

#include <stdlib.h>
#include <string.h>

static void add_table(struct topo_nft_table **v, size_t *n, size_t *cap,
                      const char *head, const struct sbuf *text)
{
	/* "table FAMILY NAME {" */
	char fam[32], name[256];
	const char *p = head + 6;
	size_t a = strcspn(p, " "), b;

	if (!a || a >= sizeof fam)
		return;
	memcpy(fam, p, a);
	fam[a] = '\0';
	p += a + 1;
	b = strcspn(p, " {");
	if (!b || b >= sizeof name)
		return;
	memcpy(name, p, b);
	name[b] = '\0';
	xgrow((void **)v, cap, *n + 1, sizeof **v);
	(*v)[*n].family = xstrdup(fam);
	(*v)[*n].name = xstrdup(name);
	(*v)[*n].text = xstrdup(sbuf_str(text));
	(*n)++;
}

size_t topo_nft_tables(const char *listing, struct topo_nft_table **v)
{
	struct sbuf text = SBUF_INIT, head = SBUF_INIT;
	size_t n = 0, cap = 0;
	int depth = 0;
	char last = 0;          /* the last character of the line before */

	*v = NULL;
	while (*listing) {
		size_t len = strcspn(listing, "\n");
		const char *l = listing;
		size_t ll;

		listing += len + (listing[len] == '\n');
		while (len && (*l == ' ' || *l == '\t')) {
			l++;
			len--;
		}
		while (len && (l[len - 1] == ' ' || l[len - 1] == '\t'))
			len--;
		if (!len)
			continue;
		ll = len;
		if (depth == 0) {
			if (ll < 7 || strncmp(l, "table ", 6) || l[ll - 1] != '{')
				continue;       /* not a table: not nft's listing */
			sbuf_reset(&text);
			sbuf_reset(&head);
			sbuf_addn(&head, l, ll);
		} else if (last == '{' || last == ',' || last == ';') {
			sbuf_addc(&text, ' ');
		} else {
			sbuf_add(&text, "; ");
		}
		sbuf_addn(&text, l, ll);
		for (size_t k = 0; k < ll; k++) {
			/* braces in nft's strings do not count */
			if (l[k] == '"') {
				const char *q = memchr(l + k + 1, '"', ll - k - 1);

				if (!q)
					break;
				k = (size_t)(q - l);
				continue;
			}
			if (l[k] == '{')
				depth++;
			else if (l[k] == '}' && depth > 0)
				depth--;
		}
		last = l[ll - 1];
		if (depth == 0)
			add_table(v, &n, &cap, sbuf_str(&head), &text);
	}
	sbuf_free(&text);
	sbuf_free(&head);
	return n;
}

void topo_nft_free(struct topo_nft_table *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)v[i].family);
		free((char *)v[i].name);
		free((char *)v[i].text);
	}
	free(v);
}
