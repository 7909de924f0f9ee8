# SPDX-License-Identifier: GPL-2.0-or-later
# topology-gen.awk - a random lab, as the real ip commands that make it
# (tests/kernel/topology.sh).  awk -v seed=N [-v ipvlan=1] -f THIS
#
# 2-6 named namespaces and the host; veth pairs between them and inside
# one, with mtus, addresses (v4, v6), some ends down; bridges with
# options and veth ports; macvlan (ipvlan when the kernel has it) on a
# veth; a vxlan; routes (via/dev/metric/table/src/proto, blackhole,
# unreachable, prohibit, v6); rules (from/to/iif/fwmark/pref/lookup, v6);
# permanent neighbours (v4, v6); sysctls (ip_forward, rp_filter, v6
# forwarding, forwarding and disable_ipv6 of one interface), some set
# before the links are made (they inherit default.*), some after.
#
# Its own generator (Park-Miller, exact in awk's doubles), so that a
# seed makes the same lab with any awk.

function rnd(n) { X = (X * 16807) % 2147483647; return int(X / 7) % n }
function pick3(a, b, c, r) { r = rnd(3); return r == 0 ? a : r == 1 ? b : c }
function ipn(i) { return i == 0 ? "ip" : "ip -n " NS[i] }
function ex(i) { return i == 0 ? "" : "ip netns exec " NS[i] " " }
function newlink(i, name, kind) {
	L++
	LNS[L] = i; LN[L] = name; LK[L] = kind
	LUP[L] = 0; LV4[L] = ""; LV6[L] = ""; LSUB[L] = 0; LBUSY[L] = 0
	return L
}
function addr(l, host, v6ok) {
	if (rnd(5) < 4) {
		LV4[l] = "10." LSUB[l] ".0." host
		print ipn(LNS[l]) " addr add " LV4[l] "/24 dev " LN[l]
	}
	if (v6ok && rnd(5) < 3) {
		LV6[l] = "2001:db8:" LSUB[l] "::" host
		print ipn(LNS[l]) " addr add " LV6[l] "/64 dev " LN[l]
	}
}
function opt(p, s) { return rnd(p) == 0 ? s : "" }
function table() { return rnd(3) == 0 ? "" : " table " (100 + rnd(4)) }
function metric() { return rnd(2) ? "" : " metric " (1 + rnd(500)) }

BEGIN {
	X = seed % 2147483646 + 1
	for (k = 0; k < 3; k++)
		rnd(2)
	K = 2 + rnd(5)
	for (i = 1; i <= K; i++) {
		NS[i] = "n" i
		print "ip netns add " NS[i]
	}
	# before the links: they start from these
	for (i = 0; i <= K; i++)
		if (rnd(4) == 0)
			print ex(i) "sysctl -q -w net.ipv4.conf.default.rp_filter=" (1 + rnd(2))
	S = 0
	# veth pairs
	P = 2 + rnd(5)
	for (p = 1; p <= P; p++) {
		i = rnd(K + 1)
		j = rnd(3) == 0 ? i : rnd(K + 1)
		a = newlink(i, "e" p "a", "veth")
		b = newlink(j, "e" p "b", "veth")
		S++
		LSUB[a] = S; LSUB[b] = S
		if (i == j)
			print ipn(i) " link add " LN[a] " type veth peer name " LN[b]
		else if (j == 0)
			print "ip link add " LN[b] " type veth peer name " LN[a] " netns " NS[i]
		else
			print ipn(i) " link add " LN[a] " type veth peer name " LN[b] " netns " NS[j]
		# an end moved to another namespace, an end renamed
		if (rnd(6) == 0) {
			k = rnd(K + 1)
			if (k != LNS[b]) {
				print ipn(LNS[b]) " link set " LN[b] " netns " (k ? NS[k] : "1")
				LNS[b] = k
				j = k
			}
		}
		if (rnd(8) == 0) {
			print ipn(i) " link set " LN[a] " name " LN[a] "r"
			LN[a] = LN[a] "r"
		}
		if (rnd(3) == 0) {
			m = pick3(1280, 1400, 9000)
			print ipn(i) " link set " LN[a] " mtu " m
			LMTU[a] = m
			if (rnd(2)) {
				print ipn(j) " link set " LN[b] " mtu " m
				LMTU[b] = m
			}
		}
		addr(a, 1, 1)
		addr(b, 2, 1)
		LUP[a] = rnd(4) != 0
		LUP[b] = rnd(4) != 0
	}
	# bridges with veth ports
	NB = rnd(3)
	for (q = 1; q <= NB; q++) {
		i = rnd(K + 1)
		br = newlink(i, "br" q, "bridge")
		S++
		LSUB[br] = S
		o = opt(2, " stp_state 1") opt(2, " priority " rnd(65536)) \
		    opt(3, " forward_delay " (400 + 100 * rnd(19))) \
		    opt(3, " hello_time " (100 + 100 * rnd(8))) \
		    opt(3, " max_age " (600 + 100 * rnd(29))) \
		    opt(3, " ageing_time " (1000 * (1 + rnd(60)))) \
		    opt(4, " mcast_snooping 0")
		print ipn(i) " link add " LN[br] " type bridge" o
		if (rnd(2))
			print ipn(i) " link set dev " LN[br] " type bridge priority " rnd(65536) \
			      opt(2, " stp_state " rnd(2))
		np = 1 + rnd(2)
		for (k = 1; k <= np; k++) {
			pa = newlink(i, LN[br] "p" k, "veth")
			pb = newlink(i, LN[br] "q" k, "veth")
			LSUB[pa] = S; LSUB[pb] = S; LBUSY[pa] = 1
			print ipn(i) " link add " LN[pa] " type veth peer name " LN[pb]
			if (rnd(4) == 0)
				print ipn(i) " link set " LN[pa] " mtu " pick3(1400, 1500, 9000)
			print ipn(i) " link set " LN[pa] " master " LN[br]
			LUP[pa] = rnd(4) != 0
			LUP[pb] = 1
			if (rnd(2)) {
				LV4[pb] = "10." S ".0." (10 + k)
				print ipn(i) " addr add " LV4[pb] "/24 dev " LN[pb]
			}
		}
		if (rnd(5) == 0) {
			print ipn(i) " link set " LN[br] " mtu 1300"
			LMTU[br] = 1300
		}
		addr(br, 1, 1)
		LUP[br] = rnd(4) != 0
	}
	# macvlan, ipvlan on a veth end that is not a port (one stacked
	# link per lower device: both take the device's rx handler)
	nst = 1 + (ipvlan ? 1 : 0)
	for (k = 0; k < nst; k++) {
		if (rnd(3) == 0)
			continue
		l = 1 + rnd(L)
		if (LK[l] != "veth" || LBUSY[l])
			continue
		LBUSY[l] = 1
		if (k == 0) {
			m = pick3("", " mode bridge", pick3(" mode private", " mode vepa", " mode bridge"))
			s = newlink(LNS[l], "mv" l, "macvlan")
			print ipn(LNS[l]) " link add link " LN[l] " name " LN[s] " type macvlan" m
		} else {
			m = pick3("", " mode l2", pick3(" mode l3", " mode l3s", " mode l2"))
			s = newlink(LNS[l], "iv" l, "ipvlan")
			print ipn(LNS[l]) " link add link " LN[l] " name " LN[s] " type ipvlan" m
		}
		S++
		LSUB[s] = S
		addr(s, 1, 1)
		LUP[s] = rnd(3) != 0
	}
	# a vxlan over a veth with an address
	if (rnd(3)) {
		l = 1 + rnd(L)
		if (LV4[l] != "") {
			v = newlink(LNS[l], "vx" l, "vxlan")
			S++
			LSUB[v] = S
			o = " id " (100 + rnd(5000))
			if (rnd(3) == 0)
				o = o " group 239.1.1." (1 + rnd(200)) " dev " LN[l]
			else
				o = o " remote 10." LSUB[l] ".0.200" opt(2, " local " LV4[l]) \
				    opt(2, " dev " LN[l])
			o = o opt(2, " ttl " (1 + rnd(64))) pick3("", " dstport 4789", " dstport 8472")
			print ipn(LNS[l]) " link add " LN[v] " type vxlan" o
			# IPv6 needs an mtu of 1280 (a vxlan has its lower's - 50)
			addr(v, 1, o !~ / dev / || LMTU[l] == "" || LMTU[l] >= 1330)
			LUP[v] = rnd(2)
		}
	}
	for (l = 1; l <= L; l++) {
		# what else ip link set sets
		if (rnd(10) == 0)
			print ipn(LNS[l]) " link set " LN[l] " alias lab-" l
		if (rnd(10) == 0)
			print ipn(LNS[l]) " link set " LN[l] " txqueuelen " (1 + rnd(2000))
		if (rnd(12) == 0)
			print ipn(LNS[l]) " link set " LN[l] " promisc on"
		if (rnd(12) == 0)
			print ipn(LNS[l]) " link set " LN[l] " arp off"
		if (LUP[l])
			print ipn(LNS[l]) " link set " LN[l] " up"
	}

	# routes, on links that are up
	R = 0
	for (i = 0; i <= K; i++) {
		nu = 0
		for (l = 1; l <= L; l++)
			if (LNS[l] == i && LUP[l])
				UPL[++nu] = l
		nr = nu ? 1 + rnd(6) : 0
		for (k = 0; k < nr; k++) {
			l = UPL[1 + rnd(nu)]
			R++
			t = rnd(6)
			if (t == 0 && LV4[l] != "")
				print ipn(i) " route add 172.16." R ".0/24 via 10." LSUB[l] ".0.254" \
				      opt(2, " dev " LN[l]) metric() table() \
				      pick3("", " proto static", pick3(" proto 99", " proto dhcp", " proto boot")) opt(3, " src " LV4[l])
			else if (t == 1 && LV4[l] != "")
				print ipn(i) " route add 172.17." R ".0/24 dev " LN[l] metric() table() \
				      opt(3, " src " LV4[l])
			else if (t == 2)
				print ipn(i) " route add " pick3("blackhole", "unreachable", "prohibit") \
				      " 172.18." R ".0/24" metric() table()
			else if (t == 3 && LV4[l] != "")
				print ipn(i) " route add default via 10." LSUB[l] ".0.254 dev " LN[l] \
				      " table " (200 + R)
			else if (t == 4 && LV6[l] != "")
				print ipn(i) " -6 route add 2001:db8:ff:" R "::/64 via 2001:db8:" LSUB[l] \
				      "::fe dev " LN[l] metric() table()
			else if (t == 5)
				print ipn(i) " -6 route add " pick3("blackhole", "unreachable", "prohibit") \
				      " 2001:db8:dead:" R "::/64" table()
		}
	}
	# rules
	U = 0
	for (i = 0; i <= K; i++) {
		nl = 0
		for (l = 1; l <= L; l++)
			if (LNS[l] == i)
				NSL[++nl] = l
		nr = rnd(3)
		for (k = 0; k < nr; k++) {
			U++
			l = nl ? NSL[1 + rnd(nl)] : 1
			if (rnd(4) == 0 && LNS[l] == i && LV6[l] != "") {
				print ipn(i) " -6 rule add from 2001:db8:" LSUB[l] "::/64 pref " (1000 + U) \
				      " lookup " (100 + rnd(4))
				continue
			}
			o = ""
			if (LNS[l] == i && LSUB[l] && rnd(2))
				o = o " from 10." LSUB[l] ".0.0/24"
			o = o opt(2, " to 172.16.0.0/12")
			if (LNS[l] == i && rnd(3) == 0)
				o = o " iif " LN[l]
			if (LNS[l] == i && rnd(5) == 0)
				o = o " oif " LN[l]
			if (rnd(3) == 0)
				o = o " fwmark 0x" (1 + rnd(9)) opt(2, "/0xff")
			o = o opt(5, " tos 0x10")
			if (o != "" && rnd(5) == 0)
				o = " not" o
			print ipn(i) " rule add" o " pref " (1000 + U) \
			      (rnd(5) ? " lookup " pick3("main", 100 + rnd(4), 100) \
			              : " " pick3("blackhole", "unreachable", "prohibit"))
		}
	}
	# permanent neighbours
	for (l = 1; l <= L; l++) {
		if (!LUP[l] || rnd(3))
			continue
		h = sprintf("%02x", 16 + l)
		if (LV4[l] != "")
			print ipn(LNS[l]) " neigh add 10." LSUB[l] ".0.99 lladdr 02:00:00:00:" h \
			      ":99 dev " LN[l] " nud permanent"
		if (LV6[l] != "" && rnd(2))
			print ipn(LNS[l]) " neigh add 2001:db8:" LSUB[l] "::99 lladdr 02:00:00:00:" h \
			      ":98 dev " LN[l] " nud permanent"
	}
	# sysctls, after the links
	for (i = 0; i <= K; i++) {
		fw[i] = rnd(4) == 0
		if (fw[i])
			print ex(i) "sysctl -q -w net.ipv4.ip_forward=1"
		if (rnd(4) == 0)
			print ex(i) "sysctl -q -w net.ipv4.conf.all.rp_filter=" (1 + rnd(2))
		if (rnd(5) == 0)
			print ex(i) "sysctl -q -w net.ipv6.conf.all.forwarding=1"
	}
	l = 1 + rnd(L)
	if (!fw[LNS[l]])
		print ex(LNS[l]) "sysctl -q -w net.ipv4.conf." LN[l] ".forwarding=1"
	l = 1 + rnd(L)
	print ex(LNS[l]) "sysctl -q -w net.ipv4.conf." LN[l] ".rp_filter=2"
	# disable_ipv6 on one interface with no IPv6 of its own
	for (k = 0; k < 4; k++) {
		l = 1 + rnd(L)
		if (LV6[l] == "") {
			print ex(LNS[l]) "sysctl -q -w net.ipv6.conf." LN[l] ".disable_ipv6=1"
			break
		}
	}
}
