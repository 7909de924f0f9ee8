#!/bin/sh
# Regenerate the build system: configure, Makefile.in, build-aux/.
exec autoreconf --install --force --verbose "$(dirname "$0")"
