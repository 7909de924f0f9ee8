#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Regenerate the build system: configure, Makefile.in, build-aux/.
exec autoreconf --install --force --verbose "$(dirname "$0")"
