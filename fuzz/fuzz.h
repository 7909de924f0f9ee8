/* SPDX-License-Identifier: GPL-2.0-or-later */
/* fuzz.h - what the text targets share: the input as a C string. */
#ifndef NSVIZ_FUZZ_H
#define NSVIZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* data (size bytes) copied and NUL-terminated, as a file read whole
 * gives it to a parser; NULL when out of memory.  free() it. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

#endif
