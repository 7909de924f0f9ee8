#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# nft in any namespace, through libnftables (issue 14), against the real
# nft in the same namespace, both ways: what nsviz makes, nft lists as
# nsviz does, and what nft makes, nsviz lists as nft does, with each
# listing option; nft's own messages on bad input, and nothing changed;
# the host's ruleset never touched; and the NAT lab of examples/ built
# from its one batch file, a message sent through it and the rewrite seen
# on both sides of the router.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
sandbox_reexec
command -v nft >/dev/null || { echo "SKIP: nft is needed (nftables): it is the reference" >&2; exit 77; }

nsv() { "$NSVIZ" "$@"; }
ip netns add fw
ip netns add other

# --- what nsviz makes, both list alike ----------------------------------------
check_rc "-n fw nft add table" 0 nsv -n fw nft add table inet filter
check_rc "-n fw nft add chain with { type ... ; policy ... ; } as one word" 0 \
	nsv -n fw nft add chain inet filter input '{ type filter hook input priority 0 ; policy accept ; }'
check_rc "-c: nft's ; inside its braces does not end the command" 0 \
	nsv -c '-n fw nft add chain inet filter through { type filter hook forward priority filter ; policy drop ; }; -n fw nft add chain inet filter out'
check_rc "ip netns exec fw nft add rule (ct state, counter, accept)" 0 \
	nsv ip netns exec fw nft add rule inet filter input ct state established,related counter accept
check_rc "netns exec fw nft insert rule (addresses, ports, interfaces)" 0 \
	nsv netns exec fw nft insert rule inet filter input iifname '"veth*"' ip saddr 10.0.0.0/8 tcp dport '{ 22, 80 }' counter drop
check_rc "the whole command as one word, as a shell would pass 'add rule ...'" 0 \
	nsv -n fw nft 'add rule inet filter input udp dport 53 reject'
check_rc "nft add table ip nat" 0 nsv -n fw nft add table ip nat
check_rc "nat chains: postrouting and prerouting" 0 nsv -c \
	'-n fw nft add chain ip nat post { type nat hook postrouting priority 100 ; }
-n fw nft add chain ip nat pre { type nat hook prerouting priority -100 ; }'
check_rc "masquerade, snat to, dnat to" 0 nsv -c \
	'-n fw nft add rule ip nat post oifname "eth0" masquerade
-n fw nft add rule ip nat post ip saddr 192.168.0.0/16 snat to 203.0.113.2
-n fw nft add rule ip nat pre tcp dport 8080 dnat to 10.0.0.2:80'

for o in "" -a -s -t -n -y -p -T -S -u -j -an -nn; do
	REAL=$(ip netns exec fw nft $o list ruleset 2>&1)
	run nsv -n fw nft $o list ruleset
	check_eq "nft ${o:+$o }list ruleset: identical to nft's" "$OUT" "$REAL"
done
for w in "list tables" "list table inet filter" "list chain inet filter input" \
	"list chains" "-a list table ip nat"; do
	# shellcheck disable=SC2086
	REAL=$(ip netns exec fw nft $w 2>&1)
	# shellcheck disable=SC2086
	run nsv -n fw nft $w
	check_eq "nft $w: identical to nft's" "$OUT" "$REAL"
done

# --- what nft makes, nsviz lists as nft does; and deletes by handle ----------
ip netns exec other nft add table ip t
ip netns exec other nft add chain ip t c '{ type filter hook output priority 0 ; }'
ip netns exec other nft add rule ip t c ip daddr 198.51.100.7 counter drop
ip netns exec other nft add rule ip t c meta l4proto udp counter accept
check_eq "made by nft, listed by nsviz: identical" \
	"$(nsv -n other nft -a list ruleset)" "$(ip netns exec other nft -a list ruleset)"
H=$(ip netns exec other nft -a list chain ip t c | sed -n 's/.*198\.51\.100\.7.*# handle \([0-9]*\)$/\1/p')
check_rc "nft delete rule ... handle H" 0 nsv -n other nft delete rule ip t c handle "$H"
check_nomatch "... and nft no longer lists it" "$(ip netns exec other nft list ruleset)" '198\.51\.100\.7'
check_rc "-e echoes what was added" 0 nsv -n other nft -e add rule ip t c tcp dport 443 accept
check_eq "... as nft -e prints it" "$(printf '%s\n' "$OUT" | head -n 1)" "add rule ip t c tcp dport 443 accept"
check_match "... then the generation, by process nsviz (nft says nft)" \
	"$(printf '%s\n' "$OUT" | sed -n 2p)" '^# new generation [0-9]+ by process [0-9]+ \(nsviz\)$'
check_rc "nft delete table" 0 nsv -n other nft delete table ip t
check_eq "... and the ruleset is empty" "$(ip netns exec other nft list ruleset)" ""

# --- a change is logged as the command a shell would run -------------------
run nsv -v -n other nft add table ip logged
check_eq "-v: the canonical command" "$ERR" "+ ip netns exec other nft add table ip logged"
run nsv -v -n other nft -an list ruleset
check_eq "-v: a listing is not a change" "$ERR" ""

# --- bad input: nft's own words, nothing changed -------------------------------
BEFORE=$(ip netns exec fw nft -a list ruleset)
# bad CMD...: nsviz fails as nft does, in nft's words, and the ruleset of fw
# stays byte-identical
bad() {
	d=$1
	shift
	REAL_ERR=$(ip netns exec fw nft "$@" 2>&1 >/dev/null)
	run nsv -n fw nft "$@"
	check_eq "$d: exit 1" "$RC" 1
	check_eq "$d: nft's message" "$ERR" "nsviz: $REAL_ERR"
	check_eq "$d: the ruleset unchanged" "$(ip netns exec fw nft -a list ruleset)" "$BEFORE"
}
bad "a misspelt keyword" add tabel ip x
bad "a rule in a chain that is not there" add rule inet filter nochain drop
bad "a port out of range" add rule inet filter input tcp dport 70000 drop
bad "a device that is not there (iif)" add rule inet filter input iif nosuchdev drop
bad "a table that is not there" list table ip nosuch
bad "a chain with an unknown hook" add chain inet filter bad '{ type filter hook nohook priority 0 ; }'
bad "a handle that is not there" delete rule inet filter input handle 9999
run nsv -n fw nft -c add table ip checked
check_eq "-c checks and changes nothing" "$RC.$(ip netns exec fw nft list tables | grep -c checked)" "0.0"
run nsv -n fw nft -c add tabel ip checked
check_match "-c reports the error it finds" "$ERR" "^nsviz: Error: syntax error"
run nsv -b "$TMPD/none" 2>/dev/null
printf 'nft add table ip b1\n-n fw nft add tabel ip b2\n' >"$TMPD/bad.batch"
run nsv -b "$TMPD/bad.batch"
check_match "a batch file: FILE:LINE, then nft's words" "$ERR" "bad\\.batch:2: Error: syntax error"
check_eq "... the lines before it ran (as ip -batch)" "$(nft list tables)" "table ip b1"
nft delete table ip b1

# what would read files, never end or resolve names is refused before nft
# sees it (message names the word and the reason)
run nsv -n fw nft 'include "/etc/passwd"'
check_match "include: refused" "$ERR" "^nsviz: include: not supported by nsviz \(nsviz does not read files"
run nsv -n fw nft add table ip x '{' include '"/etc/hosts"' '}'
check_match "include inside a table block: refused" "$ERR" "^nsviz: include: not supported"
for o in -f -I -D -i -N; do
	run nsv -n fw nft $o x list ruleset
	check_match "nft $o: refused with the reason" "$ERR" "^nsviz: $o: not supported by nsviz"
done
run nsv -n fw nft monitor
check_match "nft monitor: refused" "$ERR" "^nsviz: monitor: not supported by nsviz"
run nsv nft -n fw list ruleset
check_match "nft -n NS: nft's -n is --numeric, said so" "$ERR" \
	"^nsviz: fw: unknown nft command .*-n NS nft"
run nsv -j nft list ruleset
check_match "ip's -j before nft: refused" "$ERR" "^nsviz: -j: not an option of the nft command"
run nsv -n nosuch nft list ruleset
check_eq "a namespace that is not there" "$ERR" "nsviz: nosuch: no such network namespace"
check_eq "after all of it, fw's ruleset is what it was" "$(ip netns exec fw nft -a list ruleset)" "$BEFORE"
check_eq "... and the host's is empty: nothing ran there" "$(nft list ruleset)" ""

# names made by others stay data: a comment with an escape sequence
ESC=$(printf '\033')
ip netns exec other nft add table ip hostile "{ comment \"a${ESC}[2Jb\" ; }"
run nsv -n other nft list table ip hostile
check_match "a comment's ESC is printed as \\x1b" "$OUT" 'comment "a\\x1b\[2Jb"'
check_nomatch "... and never raw" "$OUT" "$ESC"

# --- the NAT lab, from its one batch file ----------------------------------------
check_rc "examples/nat-lab.nsviz builds the lab" 0 nsv -b "$TOP_SRCDIR/examples/nat-lab.nsviz"
ip netns exec inet "$NSVIZ" echo tcp >"$TMPD/srv.log" 2>&1 &
SRV=$!
i=0
while ! grep -q ' listening at ' "$TMPD/srv.log" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
# the captures on both sides of the router, ready before the send
cap() {
	"$NSVIZ" capture -n router -i "$1" -c 1 'tcp[tcpflags] & tcp-syn != 0 and tcp[tcpflags] & tcp-ack = 0' \
		>"$TMPD/$1.out" 2>"$TMPD/$1.err" &
	eval "CAP_$2=\$!"
	i=0
	while ! grep -q '^listening on' "$TMPD/$1.err" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
cap r-lan LAN
cap r-inet INET
run nsv -n lan send tcp 203.0.113.1 4078 hello
check_eq "a message from lan reaches inet through the NAT and comes back" "$RC" 0
check_match "... the echo" "$OUT" '\] hello$'
for p in $CAP_LAN $CAP_INET; do
	i=0; while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	kill "$p" 2>/dev/null; wait "$p"
done
check_match "inside the router (r-lan): from lan's own address" "$(cat "$TMPD/r-lan.out")" \
	'IP 10\.0\.0\.2\.[0-9]+ > 203\.0\.113\.1\.4078: Flags \[S\]'
check_match "outside (r-inet): from the router's, rewritten" "$(cat "$TMPD/r-inet.out")" \
	'IP 203\.0\.113\.2\.[0-9]+ > 203\.0\.113\.1\.4078: Flags \[S\]'
check_match "the masquerade rule's counter counted it" \
	"$(nsv -n router nft list chain ip nat postrouting)" 'counter packets [1-9][0-9]* bytes [0-9]+ masquerade'
# without the rule, inet's replies have no way back to 10.0.0.0/24
nsv -n router nft flush chain ip nat postrouting
run nsv -n lan send tcp 203.0.113.1 4078 again timeout 1
check_eq "without the masquerade rule the message gets no answer" "$RC" 1
kill "$SRV" 2>/dev/null
wait "$SRV" 2>/dev/null

# --- a ruleset is part of a topology: save, diff, apply, --sh ----------------
nsv -n router nft add rule ip nat postrouting oifname r-inet counter masquerade
nsv -n router nft add set ip nat lan '{ type ipv4_addr ; elements = { 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5, 10.0.0.6, 10.0.0.7, 10.0.0.8, 10.0.0.9 } ; }'
nsv -n router nft add rule ip nat postrouting ip saddr @lan counter accept comment "\"it's lan\""
LAB_RULES=$(ip netns exec router nft -s list ruleset)
run nsv save -n lan -n router -n inet "$TMPD/lab.nsviz"
check_eq "save with a ruleset: exit 0" "$RC.$ERR" "0."
check_match "the table is one nft command, nft's listing on one line" "$(cat "$TMPD/lab.nsviz")" \
	"^ip netns exec router nft 'table ip nat \\{ set lan \\{ type ipv4_addr; elements = \\{ 10\\.0\\.0\\.2, .* 10\\.0\\.0\\.9 \\}; \\}; chain postrouting \\{ type nat hook postrouting priority srcnat; policy accept; oifname \"r-inet\" counter masquerade; ip saddr @lan counter accept comment \"it'\\\\''s lan\"; \\}; \\}'\$"
check_rc "diff: the world matches the file" 0 nsv diff "$TMPD/lab.nsviz"
nsv -n router nft delete table ip nat
run nsv diff "$TMPD/lab.nsviz"
check_eq "the table deleted: diff says so (exit 1)" "$RC" 1
check_match "... with the command that makes it again" "$OUT" "^ip netns exec router nft 'table ip nat "
check_rc "apply makes it again" 0 nsv apply "$TMPD/lab.nsviz"
check_eq "... as it was (nft -s list ruleset)" "$(ip netns exec router nft -s list ruleset)" "$LAB_RULES"
nsv -n router nft add rule ip nat postrouting udp dport 53 drop
run nsv diff "$TMPD/lab.nsviz"
check_eq "a rule added by hand: diff says the table differs (exit 1)" "$RC" 1
check_rc "apply: the table as the file has it" 0 nsv apply "$TMPD/lab.nsviz"
check_eq "... the extra rule gone" "$(ip netns exec router nft -s list ruleset)" "$LAB_RULES"
check_rc "diff: nothing left to do" 0 nsv diff "$TMPD/lab.nsviz"
nsv -n lan nft add table inet extra
run nsv apply --prune "$TMPD/lab.nsviz"
check_eq "apply --prune: a table the file does not have is deleted" \
	"$RC.$(ip netns exec lan nft list tables)" "0."
# the --sh script, with the real ip and nft, in a fresh sandbox of its own
check_rc "save --sh" 0 nsv save --sh -n lan -n router -n inet "$TMPD/lab.sh"
check_match "... nft is run as nft" "$(cat "$TMPD/lab.sh")" "^ip netns exec router nft 'table ip nat "
(cd "$TMPD" && unshare --net --mount --fork --propagation private sh -c '
	mount -t tmpfs -o mode=0755 tmpfs /run/netns || exit 99
	sh -e lab.sh >sh.out 2>&1 || exit 3
	ip netns exec router nft -s list ruleset >sh.rules')
check_eq "... rebuilds the ruleset with the real nft" "$?.$(cat "$TMPD/sh.rules")" "0.$LAB_RULES"

done_testing
