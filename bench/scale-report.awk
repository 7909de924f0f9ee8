# SPDX-License-Identifier: GPL-2.0-or-later
# scale-report.awk - the report of scale.sh, from its results file: one
# line per figure, "N MEASURE TOOL MEDIAN MIN UNIT".  Prints the figures
# per size, the ratios, the growth exponents between the last two sizes
# and the targets at N=1000.

function label(m, t,    key) {
	key = m "/" t
	if (key in LABEL) return LABEL[key]
	return key
}
function have(n, m, t) { return ((n SUBSEP m SUBSEP t) in MED) }
function med(n, m, t) { return MED[n, m, t] }
function ratio(a, b) { return b > 0 ? sprintf("%.2fx", a / b) : "-" }
function verdict(ok) { return ok ? "met" : "NOT MET" }
# the latency of the change to the screen, tmux's own capture latency off
function latratio(n,    a, b, f) {
	if (!have(n, "ui", "lat-nsviz") || !have(n, "ui", "lat-ipmon") || !have(n, "ui", "lat-tmux"))
		return ""
	f = med(n, "ui", "lat-tmux")
	a = med(n, "ui", "lat-nsviz") - f
	b = med(n, "ui", "lat-ipmon") - f
	if (b <= 0)
		return "-"
	return sprintf("%.2f", (a < 0 ? 0 : a) / b)
}
function expo(m, t,    i, n1, n2) {
	n1 = n2 = ""
	for (i = NS; i >= 1; i--) {
		if (!have(SIZE[i], m, t)) continue
		if (n2 == "") n2 = SIZE[i]
		else { n1 = SIZE[i]; break }
	}
	if (n1 == "" || med(n1, m, t) <= 0 || med(n2, m, t) <= 0)
		return ""
	E1[m, t] = n1
	E2[m, t] = n2
	return log(med(n2, m, t) / med(n1, m, t)) / log(n2 / n1)
}

BEGIN {
	LABEL["build/ipbatch"] = "ip -batch (host) + ip -n nsK -batch each"
	LABEL["build/nsviz"] = "nsviz -b FILE"
	LABEL["show/allns"] = "ip -all netns exec ip -br addr"
	LABEL["show/loop"] = "sh loop: ip link/addr/route, per ns"
	LABEL["show/show"] = "nsviz show"
	LABEL["show/json"] = "nsviz show --json"
	LABEL["rss/show"] = "peak RSS: nsviz show"
	LABEL["rss/json"] = "peak RSS: nsviz show --json"
	LABEL["ui/frame"] = "UI: exec to first frame"
	LABEL["ui/idle"] = "UI: CPU while idle (IDLE_SECS)"
	LABEL["ui/vmhwm"] = "UI: VmHWM after idle"
	LABEL["ui/lat-nsviz"] = "change -> nsviz pane"
	LABEL["ui/lat-ipmon"] = "change -> ip monitor link pane"
	LABEL["ui/lat-tmux"] = "tmux alone (a line to a plain pane)"
	LABEL["ui/del-nsviz"] = "change (link del) -> nsviz pane"
	LABEL["ui/round"] = "one capture round (latency resolution)"
	ORDER = "build/ipbatch build/nsviz show/allns show/loop show/show show/json " \
		"rss/show rss/json ui/frame ui/idle ui/vmhwm ui/lat-nsviz ui/lat-ipmon ui/lat-tmux ui/del-nsviz ui/round"
	NK = split(ORDER, KEY, " ")
}

NF == 6 {
	if (!($1 in SEEN)) { SEEN[$1] = 1; SIZE[++NS] = $1 }
	MED[$1, $2, $3] = $4
	MIN[$1, $2, $3] = $5
	UNIT[$2, $3] = $6
}

END {
	if (NS == 0) { print "no results"; exit 1 }
	# sizes in increasing order
	for (i = 1; i <= NS; i++)
		for (j = i + 1; j <= NS; j++)
			if (SIZE[j] + 0 < SIZE[i] + 0) { x = SIZE[i]; SIZE[i] = SIZE[j]; SIZE[j] = x }

	printf "\n%-7s %-42s %12s %12s\n", "N", "measure", "median", "min"
	for (i = 1; i <= NS; i++) {
		n = SIZE[i]
		for (k = 1; k <= NK; k++) {
			split(KEY[k], mt, "/")
			if (!have(n, mt[1], mt[2])) continue
			printf "%-7s %-42s %10.4f %-2s %9.4f %-2s\n", n, label(mt[1], mt[2]),
				med(n, mt[1], mt[2]), UNIT[mt[1], mt[2]], MIN[n, mt[1], mt[2]], UNIT[mt[1], mt[2]]
		}
	}

	print ""
	print "ratios (of medians; min/min in brackets)"
	for (i = 1; i <= NS; i++) {
		n = SIZE[i]
		if (have(n, "build", "ipbatch") && have(n, "build", "nsviz"))
			printf "%-7s %-52s %s (%s)\n", n, "build: ip -batch / nsviz -b",
				ratio(med(n, "build", "ipbatch"), med(n, "build", "nsviz")),
				ratio(MIN[n, "build", "ipbatch"], MIN[n, "build", "nsviz"])
		split("show json", st, " ")
		for (s = 1; s <= 2; s++) {
			if (!have(n, "show", st[s])) continue
			if (have(n, "show", "allns"))
				printf "%-7s %-52s %s (%s)\n", n, "show: ip -all netns exec / " label("show", st[s]),
					ratio(med(n, "show", "allns"), med(n, "show", st[s])),
					ratio(MIN[n, "show", "allns"], MIN[n, "show", st[s]])
			if (have(n, "show", "loop"))
				printf "%-7s %-52s %s (%s)\n", n, "show: sh loop / " label("show", st[s]),
					ratio(med(n, "show", "loop"), med(n, "show", st[s])),
					ratio(MIN[n, "show", "loop"], MIN[n, "show", st[s]])
		}
		if (have(n, "ui", "frame") && have(SIZE[1], "ui", "frame") && n != SIZE[1])
			printf "%-7s %-52s %s\n", n, "ui: first frame / first frame at N=" SIZE[1],
				ratio(med(n, "ui", "frame"), med(SIZE[1], "ui", "frame"))
		r = latratio(n)
		if (r != "")
			printf "%-7s %-52s %s\n", n, "ui: latency nsviz / ip monitor, tmux's subtracted", r
	}

	print ""
	print "growth exponent between the last two sizes: log(t2/t1) / log(N2/N1)" \
		" (1 linear, 2 quadratic)"
	printf "%-42s %8s %8s %12s %12s %9s\n", "measure", "N1", "N2", "t(N1)", "t(N2)", "exponent"
	for (k = 1; k <= NK; k++) {
		split(KEY[k], mt, "/")
		e = expo(mt[1], mt[2])
		if (e == "") continue
		EXP[mt[1], mt[2]] = e
		printf "%-42s %8s %8s %10.4f %-2s %9.4f %-2s %8.2f\n", label(mt[1], mt[2]),
			E1[mt[1], mt[2]], E2[mt[1], mt[2]],
			med(E1[mt[1], mt[2]], mt[1], mt[2]), UNIT[mt[1], mt[2]],
			med(E2[mt[1], mt[2]], mt[1], mt[2]), UNIT[mt[1], mt[2]], e
	}

	n = 1000
	print ""
	if (!(n in SEEN)) {
		print "targets: not evaluated (they are set at N=1000, which is not in SIZES)"
		exit 0
	}
	print "targets at N=1000"
	if (have(n, "build", "ipbatch") && have(n, "build", "nsviz")) {
		r = med(n, "build", "ipbatch") / med(n, "build", "nsviz")
		printf "  %-64s %6.2fx  %s\n", "build: nsviz -b >= 1.25x faster than ip -batch", r, verdict(r >= 1.25)
	}
	if (("build" SUBSEP "nsviz") in EXP && ("build" SUBSEP "ipbatch") in EXP) {
		d = EXP["build", "nsviz"] - EXP["build", "ipbatch"]
		printf "  %-64s %+6.2f   %s\n", "build: exponent of nsviz within 0.2 of ip -batch's (nsviz - ip)",
			d, verdict(d <= 0.2 && d >= -0.2)
	}
	for (s = 1; s <= 2; s++) {
		if (!have(n, "show", st[s])) continue
		if (have(n, "show", "allns")) {
			r = med(n, "show", "allns") / med(n, "show", st[s])
			printf "  %-64s %6.2fx  %s\n", "show: " label("show", st[s]) " >= 10x faster than ip -all netns exec",
				r, verdict(r >= 10)
		}
		if (have(n, "show", "loop")) {
			r = med(n, "show", "loop") / med(n, "show", st[s])
			printf "  %-64s %6.2fx  %s\n", "show: " label("show", st[s]) " >= 20x faster than the sh loop",
				r, verdict(r >= 20)
		}
	}
	for (s = 1; s <= 2; s++)
		if (have(n, "rss", st[s]))
			printf "  %-64s %6.1f MB %s\n", label("rss", st[s]) " <= 30 MB (median)",
				med(n, "rss", st[s]), verdict(med(n, "rss", st[s]) <= 30)
	if (have(n, "ui", "frame") && have(10, "ui", "frame")) {
		r = med(n, "ui", "frame") / med(10, "ui", "frame")
		printf "  %-64s %6.2fx  %s\n", "ui: first frame within 3x of its time at N=10", r, verdict(r <= 3)
	}
	if (have(n, "ui", "idle"))
		printf "  %-64s %6.4f s %s\n", "ui: idle CPU <= 0.05 s", med(n, "ui", "idle"),
			verdict(med(n, "ui", "idle") <= 0.05)
	if (have(n, "ui", "vmhwm"))
		printf "  %-64s %6.1f MB %s\n", "ui: VmHWM <= 30 MB", med(n, "ui", "vmhwm"),
			verdict(med(n, "ui", "vmhwm") <= 30)
	r = latratio(n)
	if (r != "")
		printf "  %-64s %6s   %s\n", "ui: latency nsviz / ip monitor (tmux subtracted) <= 1.2", r,
			r == "-" ? "n/a (ip monitor within tmux's latency)" : verdict(r + 0 <= 1.2)
}
