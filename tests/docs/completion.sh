#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The bash completion (completion/nsviz): it registers itself for nsviz
# (complete -p), and completes options, the grammar's commands and their
# words, namespace names (/run/netns, in this test's sandbox), themes and
# lesson numbers, for a few command lines given as COMP_WORDS.
. "${TOP_SRCDIR:-$(dirname "$0")/../..}/tests/lib/common.sh"
command -v bash >/dev/null || { echo "SKIP: bash is needed" >&2; exit 77; }
sandbox_reexec

COMPLETION="$TOP_SRCDIR/completion/nsviz"
unset NSVIZ_LESSONS_DIR
export HOME="$TMPD/home" XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data"
mkdir -p "$HOME" "$XDG_CONFIG_HOME/nsviz/themes"
: >"$XDG_CONFIG_HOME/nsviz/themes/mine.theme"

# comp WORD...: what bash offers for the last word (COMPREPLY, one line)
comp() {
	bash --norc --noprofile -c '. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
		_nsviz; echo "${COMPREPLY[*]}"' sh "$COMPLETION" "$@"
}

run bash --norc --noprofile -c '. "$1"; complete -p nsviz' sh "$COMPLETION"
check_eq "complete -p: nsviz is completed by _nsviz" "$OUT" "complete -F _nsviz nsviz"
check_eq "... sourcing it says nothing" "$ERR" ""

check_rc "a namespace to complete" 0 "$NSVIZ" netns add blue
check_rc "... and another, with a veth end in it" 0 "$NSVIZ" -c \
	'netns add green; link add v0 type veth peer name v1 netns green' 

check_eq "nsviz <Tab>: the commands" "$(comp nsviz '')" \
	"addr apply bridge capture diff echo ip lesson link monitor neigh netns nft ping route rule save send show sysctl tc why"
check_eq "nsviz ne<Tab>" "$(comp nsviz ne)" "neigh netns"
check_eq "nsviz why 10.0.2.0 <Tab>: its words" "$(comp nsviz why 10.0.2.0 '')" \
	"--json --probe from port proto"
check_eq "nsviz save -<Tab>" "$(comp nsviz save -)" "--sh -n"
check_eq "nsviz apply lab.nsviz --<Tab>" "$(comp nsviz apply lab.nsviz --)" \
	"--dry-run --prune"
check_eq "nsviz diff --<Tab>: a file, no options" "$(comp nsviz diff --)" ""
check_match "nsviz -<Tab>: the options" "$(comp nsviz -)" \
	'--sandbox .*--theme .*-4 -6 .*-force'
check_eq "nsviz netns <Tab>" "$(comp nsviz netns '')" "add attach del exec identify list list-id pids set"
check_eq "nsviz netns set <Tab>: the namespaces" "$(comp nsviz netns set '')" "blue green"
check_eq "nsviz netns del <Tab>: the namespaces" "$(comp nsviz netns del '')" "blue green"
check_eq "nsviz -n g<Tab>" "$(comp nsviz -n g)" "green"
check_eq "nsviz -S -n blue link set veth0 <Tab>" \
	"$(comp nsviz -S -n blue link set veth0 '')" \
	"address alias arp down master mtu name netns nomaster promisc txqueuelen type up"
check_eq "nsviz link add br0 type <Tab>" "$(comp nsviz link add br0 type '')" "bridge dummy ipvlan macvlan veth vlan vxlan"
check_eq "nsviz bridge <Tab>" "$(comp nsviz bridge '')" "fdb link vlan"
check_eq "nsviz bridge vlan <Tab>" "$(comp nsviz bridge vlan '')" "add del show"
check_eq "nsviz nft <Tab>" "$(comp nsviz nft '')" \
	"add create delete describe flush get insert list rename replace reset"
check_eq "nsviz -n r nft -a <Tab>: after nft's options" "$(comp nsviz -n r nft -a '')" \
	"add create delete describe flush get insert list rename replace reset"
check_eq "nsviz nft -<Tab>: nft's options" "$(comp nsviz nft -)" "-S -T -a -c -e -j -n -o -p -s -t -u -y"
check_eq "nsviz nft list <Tab>" "$(comp nsviz nft list '')" \
	"chain chains counter element flowtable map maps quota rule ruleset set sets table tables"
check_eq "nsviz tc <Tab>" "$(comp nsviz tc '')" "class qdisc"
check_eq "nsviz tc -<Tab>: tc's options" "$(comp nsviz tc -)" "-d -n -s"
check_eq "nsviz tc -s -n green q<Tab>: after tc's options" \
	"$(comp nsviz tc -s -n green q)" "qdisc"
check_eq "nsviz tc -n green qdisc add dev <Tab>: green's devices" \
	"$(comp "$NSVIZ" tc -n green qdisc add dev '')" "lo v1"
check_eq "nsviz tc qdisc add dev v0 root <Tab>" \
	"$(comp nsviz tc qdisc add dev v0 root '')" \
	"bfifo classid dev handle htb netem parent pfifo root tbf"
check_eq "nsviz tc qdisc add dev v0 root netem <Tab>: netem's words" \
	"$(comp nsviz tc qdisc add dev v0 root netem delay 10ms '')" \
	"corrupt delay distribution duplicate gap limit loss rate reorder"
check_eq "nsviz link set x0 netns <Tab>" "$(comp nsviz link set x0 netns '')" "blue green"
check_eq "nsviz route add 10.0.2.0/24 dev lo scope <Tab>" \
	"$(comp nsviz route add 10.0.2.0/24 dev lo scope '')" "global host link"
check_eq "nsviz addr add 10.0.2.1/24 <Tab>: ip's address options" \
	"$(comp nsviz addr add 10.0.2.1/24 '')" \
	"brd dev home label metric mngtmpaddr nodad noprefixroute peer preferred_lft scope valid_lft"
check_eq "nsviz addr add 10.0.2.1/24 scope <Tab>" \
	"$(comp nsviz addr add 10.0.2.1/24 scope '')" "global host link"
check_eq "nsviz route add 10.0.2.0/24 n<Tab>" \
	"$(comp nsviz route add 10.0.2.0/24 n)" "nexthop"
check_eq "nsviz sysctl -w n<Tab>" "$(comp nsviz sysctl -w n)" \
	"net.ipv4.ip_forward= net.ipv6.conf.all.forwarding="
check_match "nsviz capture -<Tab>" "$(comp nsviz capture -)" '--ring .*-B .*-s'
check_eq "nsviz capture -i v<Tab>: the host's interfaces" "$(comp nsviz capture -i v)" "v0"
check_eq "nsviz -n green link set <Tab>: green's (nsviz -n green link show)" \
	"$(comp "$NSVIZ" -n green link set '')" "dev lo v1"
check_eq "nsviz capture -n green -i <Tab>" "$(comp "$NSVIZ" capture -n green -i '')" "lo v1"
check_eq "nsviz lesson --<Tab>" "$(comp nsviz lesson --)" \
	"--help --host --list --restart --verify --yes"
check_eq "nsviz lesson <Tab>: the lessons' numbers (lesson --list)" \
	"$(comp "$NSVIZ" lesson '')" \
	"$(seq 1 "$(ls "$TOP_SRCDIR"/lessons/*.lesson | wc -l)" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "nsviz --theme <Tab>: shipped themes and the user's" \
	"$(comp nsviz --theme '')" "dark high-contrast light mine mono"
check_eq "nsviz echo tcp --<Tab>" "$(comp nsviz echo tcp --)" \
	"--bind --idle --max-conns --max-msg --port"
check_eq "nsviz -c <Tab>: nothing (commands are free text)" "$(comp nsviz -c '')" ""

done_testing
