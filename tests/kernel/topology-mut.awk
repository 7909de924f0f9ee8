# SPDX-License-Identifier: GPL-2.0-or-later
# topology-mut.awk - one change to a lab (tests/kernel/topology.sh): of
# the lab's commands (topology-gen.awk's output) that make an object or a
# setting, the one seed picks, undone or changed, as an ip command.
#   awk -v seed=N -f THIS LAB
/ route add | addr add | rule add | neigh add / ||
/ link set [^ ]+ (up|mtu [0-9]+)$/ || /type bridge priority/ ||
/sysctl -q -w / {
	c[++n] = $0
}
END {
	if (!n)
		exit 1
	l = c[1 + (seed * 7919) % n]
	if (l ~ / neigh add /) {
		# neigh del ADDR dev DEV
		sub(/ lladdr [^ ]+/, "", l)
		sub(/ nud permanent/, "", l)
		sub(/ neigh add /, " neigh del ", l)
	} else if (l ~ / (route|addr|rule) add /) {
		sub(/ add /, " del ", l)
	} else if (l ~ / up$/) {
		sub(/ up$/, " down", l)
	} else if (l ~ / mtu [0-9]+$/) {
		m = l
		sub(/.* mtu /, "", m)
		sub(/ mtu [0-9]+$/, " mtu " (m == 1500 ? 1400 : 1500), l)
	} else if (l ~ /type bridge priority/) {
		l = l " priority 12345"
	} else {
		v = l
		sub(/.*=/, "", v)
		sub(/=[^=]*$/, "=" (v == "1" ? "0" : "1"), l)
	}
	print l
}
