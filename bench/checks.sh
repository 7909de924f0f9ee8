# SPDX-License-Identifier: GPL-2.0-or-later
# checks.sh - checks of what each reading tool printed, shared by show100.sh
# and scale.sh.  Sourced; POSIX sh.  N is the number of namespaces of the
# topology of bench_gen_cmds; each function prints what is wrong and
# returns 1.

# check_text FILE: nsviz show's text names every veth's peer and every
# namespace's default route.
check_text() {
	_c_bad=0
	_c_n=$(grep -Eo 'n[0-9]+ in ns[0-9]+' "$1" |
		awk '{a = substr($1, 2); b = substr($3, 3)} a == b' | sort -u | wc -l)
	[ "$_c_n" -eq "$N" ] || {
		echo "nsviz show: $_c_n host veths shown with their peer (nK in nsK), expected $N" >&2
		_c_bad=1
	}
	_c_n=$(grep -Eo 'h[0-9]+ in host' "$1" | sort -u | wc -l)
	[ "$_c_n" -eq "$N" ] || {
		echo "nsviz show: $_c_n namespace veths shown with their peer (hK in host), expected $N" >&2
		_c_bad=1
	}
	_c_n=$(grep -Eo 'default via 10\.[0-9]+\.[0-9]+\.1 dev n[0-9]+' "$1" | sort -u | wc -l)
	[ "$_c_n" -eq "$N" ] || {
		echo "nsviz show: $_c_n default routes shown, expected $N" >&2
		_c_bad=1
	}
	return $_c_bad
}

# check_json FILE: the same facts from show --json (jq, else python3, else
# a rough count).
JQ_CHECK='[
  ([.namespaces[] | select(.kind == "named")] | length),
  ([.namespaces[] | select(.kind == "named") | .routes[]
     | select(.dst == "default" and .table == "main" and (.gateway // "" | startswith("10.")))] | length),
  ([.namespaces[] | select(.kind == "host") | .links[]
     | select(.peer != null and .peer.name != null and (.peer.namespace // "" | startswith("ns")))] | length)
] | map(tostring) | join(" ")'
PY_CHECK='import json, sys
d = json.load(open(sys.argv[1]))
named = [n for n in d["namespaces"] if n["kind"] == "named"]
routes = [r for n in named for r in n["routes"]
          if r.get("dst") == "default" and r.get("table") == "main"
          and r.get("gateway", "").startswith("10.")]
host = [l for n in d["namespaces"] if n["kind"] == "host" for l in n["links"]
        if l.get("peer") and l["peer"].get("name")
        and (l["peer"].get("namespace") or "").startswith("ns")]
print(len(named), len(routes), len(host))'
check_json() {
	if command -v jq >/dev/null 2>&1; then
		_c_got=$(jq -r "$JQ_CHECK" "$1") || {
			echo "nsviz show --json: not valid JSON (jq)" >&2
			return 1
		}
	elif command -v python3 >/dev/null 2>&1; then
		_c_got=$(python3 -c "$PY_CHECK" "$1") || {
			echo "nsviz show --json: not valid JSON (python3)" >&2
			return 1
		}
	else
		_c_got="$N $(grep -c '"dst": "default"' "$1") $N"
	fi
	[ "$_c_got" = "$N $N $N" ] || {
		echo "nsviz show --json: named namespaces, default routes, host veths with peer: $_c_got (expected $N each)" >&2
		return 1
	}
}

# check_ip FILE: the ip loop printed every namespace's address and route.
check_ip() {
	_c_r=$(grep -c '^default via 10\.' "$1")
	_c_a=$(grep -Ec '^ +inet 10\.[0-9.]+/30 ' "$1")
	[ "$_c_r" -eq "$N" ] && [ "$_c_a" -eq $((2 * N)) ] || {
		echo "ip loop: $_c_r default routes (expected $N), $_c_a addresses (expected $((2 * N)))" >&2
		return 1
	}
}

# check_allns FILE: `ip -all netns exec ip -br addr` printed every
# namespace, and in each its veth end, up, with its address.
check_allns() {
	awk -v N="$N" '
		/^netns: / { ns = $2; heads++; next }
		{
			k = substr(ns, 3)
			if ($1 ~ "^n" k "@" && $2 == "UP" &&
			    $3 == "10." int(k / 256) "." (k % 256) ".2/30")
				good[ns] = 1
		}
		END {
			n = 0
			for (x in good) n++
			if (heads != N || n != N) {
				printf "ip -all netns exec ip -br addr: %d namespaces, %d with their veth up and addressed (expected %d each)\n", heads, n, N
				exit 1
			}
		}' "$1" >&2
}
