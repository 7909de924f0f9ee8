#!/bin/sh
echo "unit tests need cmocka: apt-get install libcmocka-dev, then re-run configure" >&2
exit 1
