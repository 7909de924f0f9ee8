/* SPDX-License-Identifier: GPL-2.0-or-later */
/* pcap2corpus.c - cut the packets of pcap files into a libFuzzer seed
 * corpus for fuzz_decode: one file per packet, a flags byte first (see
 * fuzz_decode.c).  Usage: pcap2corpus OUTDIR FILE.pcap... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t rd32(const uint8_t *b, int swap)
{
	uint32_t v;

	memcpy(&v, b, 4);
	return swap ? __builtin_bswap32(v) : v;
}

int main(int argc, char **argv)
{
	unsigned count = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: pcap2corpus OUTDIR FILE.pcap...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t gh[24], ph[16];
		uint32_t magic, link;
		int swap;

		if (!f || fread(gh, 1, 24, f) != 24) {
			fprintf(stderr, "pcap2corpus: %s: cannot read\n", argv[i]);
			if (f)
				fclose(f);
			continue;
		}
		memcpy(&magic, gh, 4);
		swap = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
		link = rd32(gh + 20, swap);
		if (link != 1 && link != 101 && link != 113 && link != 276) {
			fclose(f);
			continue;
		}
		while (fread(ph, 1, 16, f) == 16) {
			uint32_t cap = rd32(ph + 8, swap), len = rd32(ph + 12, swap);
			uint8_t *buf, flags;
			char path[4096];
			FILE *o;

			if (cap > 262144)
				break;
			buf = malloc(cap + 1);
			if (fread(buf + 1, 1, cap, f) != cap) {
				free(buf);
				break;
			}
			/* bits 0-1 the link type, 2-7 the bytes cut off */
			flags = (uint8_t)((link == 101 ? 1 : link == 113 ? 2 :
			                   link == 276 ? 3 : 0) |
			                  ((len - cap > 63 ? 63 : len - cap) << 2));
			buf[0] = flags;
			snprintf(path, sizeof path, "%s/seed-%05u", argv[1], count++);
			o = fopen(path, "wb");
			if (o) {
				fwrite(buf, 1, cap + 1, o);
				fclose(o);
			}
			free(buf);
		}
		fclose(f);
	}
	printf("%u seeds\n", count);
	return 0;
}
