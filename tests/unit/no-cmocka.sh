#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
echo "unit tests need cmocka: apt-get install libcmocka-dev, then re-run configure" >&2
exit 1
