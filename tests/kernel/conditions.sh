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
	# file capabilities put the kernel in secure mode too
	if command -v setcap >/dev/null; then
		cp "$NSVIZ" "$TMPD/nsviz-s"
		chmod 755 "$TMPD/nsviz-s"
		if setcap cap_sys_admin,cap_net_admin+ep "$TMPD/nsviz-s" 2>/dev/null; then
			run $NOBODY "$TMPD/nsviz-s" netns exec q id
			check_eq "a copy with file capabilities run by nobody: exit 1" "$RC" 1
			check_match "... says why" "$ERR" '^nsviz: refusing to run setuid/setgid or with file capabilities: '
		else
			echo "# skipped file capabilities: setcap refused"
		fi
		rm -f "$TMPD/nsviz-s"
	fi
	cp "$NSVIZ" "$TMPD/nsviz-s"
	chmod 755 "$TMPD/nsviz-s"
	run $NOBODY "$TMPD/nsviz-s" -V
	check_eq "the same copy without the bit runs for nobody" "$RC" 0
	rm -f "$TMPD/nsviz-s"
else
	echo "# skipped the setuid part: not root, no setpriv, or $TMPD is nosuid"
fi
ip netns del q

# ---- without privileges and without -S ---------------------------------
# The test's own sandbox (namespaces made here, never the host's), then
# nobody: the own namespace is read, the others are named and said
# unreadable, with the reason; nothing needs entering the own namespace.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	ip netns add pa
	ip netns add pb
	ip link add h0 type veth peer name h1
	# unprivileged ICMP sockets, for nobody's ping (a sandbox default)
	sysctl -qw net.ipv4.ping_group_range="0 2147483647"
	run $NOBODY "$NSVIZ" show
	check_eq "nobody: show exits 1 (the world is partial)" "$RC" 1
	check_match "nobody: show reads the own namespace" "$OUT" '^  h0 +veth +h1 '
	check_match "nobody: show names the others" "$OUT" '^pa: named \(/run/netns/pa\), inode [0-9]+$'
	check_match "nobody: ... and says why they cannot be read" "$OUT" \
		'^  cannot be read: Operation not permitted: entering another namespace needs CAP_SYS_ADMIN \(run as root, or use --sandbox\)$'
	check_match "nobody: show says on stderr what is missing" "$ERR" \
		'^nsviz: show: 2 of 3 namespaces cannot be read: (pa, pb|pb, pa) \(Operation not permitted: .*\)$'
	run $NOBODY "$NSVIZ" show --json
	check_eq "nobody: show --json is not complete, pa unreadable, the host read" \
		"$(printf '%s' "$OUT" | jq -c '[.complete, (.namespaces[] | select(.label == "pa") | .readable), (.namespaces[0] | .readable, ([.links[].ifname] | index("h0") != null))]')" \
		'[false,false,true,true]'
	check_match "nobody: show --json says why" \
		"$(printf '%s' "$OUT" | jq -r '.namespaces[] | select(.label == "pb") | .unreadable_reason')" \
		'^Operation not permitted: entering another namespace needs CAP_SYS_ADMIN'
	run $NOBODY "$NSVIZ" ping -c 1 -W 5 127.0.0.1
	check_eq "nobody: ping 127.0.0.1 needs no namespace switch (exit 0)" "$RC" 0
	check_match "nobody: ... and is answered" "$OUT" '^1 packets transmitted, 1 received'
	run $NOBODY "$NSVIZ" sysctl net.ipv4.ip_forward
	check_eq "nobody: sysctl net.ipv4.ip_forward is read" "$OUT" "net.ipv4.ip_forward = $(cat /proc/sys/net/ipv4/ip_forward)"
	run $NOBODY "$NSVIZ" -c 'echo tcp port 5555; send tcp 127.0.0.1 5555 hi'
	check_eq "nobody: an echo server in the own namespace starts (exit 0)" "$RC" 0
	check_match "nobody: ... and answers" "$OUT" '^\[[0-9: -]+\] hi$'
	run $NOBODY "$NSVIZ" -n pa link show
	check_eq "nobody: -n pa link show: exit 1" "$RC" 1
	check_match "nobody: ... with the reason" "$ERR" \
		'^nsviz: pa: cannot read namespace: Operation not permitted: entering another namespace needs CAP_SYS_ADMIN'
	# monitor: watches the own namespace, says what it cannot watch
	$NOBODY "$NSVIZ" monitor >"$TMPD/mon" 2>"$TMPD/mon.err" &
	MON=$!
	# (a new link each time: the first ones may come before it is ready)
	i=0
	while ! grep -q 'hm[0-9]' "$TMPD/mon" && [ $i -lt 100 ]; do
		ip link add "hm$i" type veth peer name "hp$i"
		sleep 0.1; i=$((i + 1))
	done
	kill -TERM "$MON"
	wait "$MON"
	check_eq "nobody: monitor runs and exits 0" "$?" 0
	check_match "nobody: monitor prints the own namespace's events" \
		"$(cat "$TMPD/mon")" '\[host\] [0-9]+: hm[0-9]+@hp[0-9]+: '
	check_match "nobody: monitor says what it cannot watch" "$(cat "$TMPD/mon.err")" \
		'^nsviz monitor: not watched: 2 of 3 namespaces cannot be read: '
	ip link del h0
	while [ $i -gt 0 ]; do i=$((i - 1)); ip link del "hm$i"; done
	ip netns del pa
	ip netns del pb
else
	echo "# skipped the unprivileged part: not root or no setpriv"
fi

# ---- the open file limit ------------------------------------------------
# Each namespace takes up to three descriptors.  The soft limit is raised
# to the hard one; past the hard one, the namespaces that cannot be read
# are named and said so, never dropped.
if command -v prlimit >/dev/null; then
	for i in $(seq 1 100); do echo "netns add f$i"; done >"$TMPD/many"
	ip -batch "$TMPD/many"
	run prlimit --nofile=64:4096 "$NSVIZ" show
	check_eq "soft limit 64, hard 4096, 100 namespaces: show exits 0" "$RC" 0
	check_eq "... and reads every one" "$(printf '%s\n' "$OUT" | grep -c '^  lo ')" 101
	run prlimit --nofile=64:4096 "$NSVIZ" -c 'netns add fz; netns list'
	check_eq "soft limit 64, 100 namespaces: netns add works" "$RC" 0
	check_match "... and the namespace is listed" "$OUT" '^fz$'
	ip netns del fz
	run prlimit --nofile=64:64 "$NSVIZ" show
	check_eq "hard limit 64, 100 namespaces: show exits 1" "$RC" 1
	check_eq "... every namespace is still named" "$(printf '%s\n' "$OUT" | grep -Ec '^(host|f[0-9]+): ')" 101
	check_match "... the unread ones say why" "$OUT" \
		'^  cannot be read: Too many open files: the open file limit is 64, and each namespace takes up to 3 \(ulimit -Hn\)$'
	check_match "... stderr says how many" "$ERR" \
		'^nsviz: show: [0-9]+ of 101 namespaces cannot be read: f[0-9]+, .*\(\+[0-9]+ more\) \(Too many open files'
	check_eq "... read + unread = all" \
		"$(( $(printf '%s\n' "$OUT" | grep -c '^  lo ') + $(printf '%s\n' "$OUT" | grep -c '^  cannot be read: ') ))" 101
	run prlimit --nofile=64:64 "$NSVIZ" show --json
	check_eq "hard limit 64: show --json is not complete, and lists all 101" \
		"$(printf '%s' "$OUT" | jq -c '[.complete, (.namespaces | length), ([.namespaces[] | select(.readable | not)] | length > 0)]')" \
		'[false,101,true]'
	prlimit --nofile=64:64 "$NSVIZ" monitor >"$TMPD/mon" 2>"$TMPD/mon.err" &
	MON=$!
	i=0
	while ! grep -q 'not watched' "$TMPD/mon.err" && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	ip netns add late
	i=0
	while ! grep -q 'cannot be read' "$TMPD/mon" && [ $i -lt 100 ]; do
		sleep 0.1; i=$((i + 1))
	done
	kill -TERM "$MON"
	wait "$MON"
	check_match "hard limit 64: monitor says what it cannot watch" "$(cat "$TMPD/mon.err")" \
		'^nsviz monitor: not watched: [0-9]+ of 101 namespaces cannot be read: .*Too many open files'
	check_match "... and a namespace added later: named, then why it is not watched" \
		"$(grep '\[late\]' "$TMPD/mon" | cut -d' ' -f3- | tr '\n' '|')" \
		'^netns add late\|cannot be read: Too many open files'
	ip netns del late
	# the full-screen UI says so on its title line
	if command -v tmux >/dev/null; then
		export TMUX_TMPDIR="$TMPD"
		T() { tmux -L nsviz-conditions -f "$TMUX_CONF" "$@"; }
		T new-session -d -s c -x 150 -y 30 "cd '$TMPD' && NSVIZ_THEMES_DIR='$TOP_SRCDIR/themes' prlimit --nofile=64:64 '$NSVIZ'; sleep 60"
		i=0
		while ! T capture-pane -p -t c | head -n1 | grep -q 'namespaces cannot be read' && [ $i -lt 100 ]; do
			sleep 0.1; i=$((i + 1))
		done
		check_match "hard limit 64: the UI's title line says how many cannot be read" \
			"$(T capture-pane -p -t c | head -n1)" \
			'^ [0-9]+ of 101 namespaces cannot be read: f[0-9]+, '
		T kill-server 2>/dev/null
	else
		echo "# skipped the UI part: no tmux"
	fi
	for i in $(seq 1 100); do echo "netns del f$i"; done >"$TMPD/many"
	ip -batch "$TMPD/many"
else
	echo "# skipped the open file limit part: no prlimit"
fi

done_testing
