#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Conditions that must not lose data or hide the world: nsviz installed
# setuid, run without privileges, short of file descriptors.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec

NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"

# ---- a setuid or setgid copy refuses to run -------------------------
# A copy owned by root with the set-user-ID bit, run by nobody, must not
# run `netns exec q id` as root.  Needs root (to own the copy) and a
# directory whose mount allows set-user-ID programs.
ip netns add q
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && \
   ! findmnt -n -o OPTIONS -T "$TMPD" | grep -qw nosuid; then
	chmod 755 "$TMPD"
	for mode in 4755 2755; do
		cp "$NSVIZ" "$TMPD/nsviz-s"
		chown root:root "$TMPD/nsviz-s"
		chmod "$mode" "$TMPD/nsviz-s"
		run $NOBODY "$TMPD/nsviz-s" netns exec q id
		check_eq "mode $mode copy run by nobody: exit 1" "$RC" 1
		check_nomatch "mode $mode copy: the program did not run" "$OUT" 'uid='
		check_eq "mode $mode copy: says why and what to do" "$ERR" \
			"nsviz: refusing to run setuid/setgid or with file capabilities: it would run programs, write files and change the network with those privileges for any user; use sudo or --sandbox"
		rm -f "$TMPD/nsviz-s"
	done
	cp "$NSVIZ" "$TMPD/nsviz-s"
	chmod 755 "$TMPD/nsviz-s"
	run $NOBODY "$TMPD/nsviz-s" -V
	check_eq "the same copy without the bit runs for nobody" "$RC" 0
	rm -f "$TMPD/nsviz-s"
else
	echo "# skipped the setuid part: not root, no setpriv, or $TMPD is nosuid"
fi
ip netns del q

done_testing
