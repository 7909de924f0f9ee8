#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# --help, nsviz(1), the README and the bash completion agree: every option
# and environment variable named in one is named in the others, and every
# command of the grammar the completion knows ("netns add", "link set",
# "echo log", ...) and every word of `link set` is in --help, nsviz(1) and
# the README.  The lists are extracted from each text and compared, so
# they cannot drift; the test first proves on doctored copies that a
# token missing from any one of them is caught.  Then mandoc -Tlint on
# every man page (SKIP of that part without mandoc).
: "${NSVIZ:=$(pwd)/nsviz}"
: "${TOP_SRCDIR:=$(cd "$(dirname "$0")/../.." && pwd)}"
export LC_ALL=C
BUILDDIR=$(dirname "$NSVIZ")
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT
T_N=0 T_FAIL=0
pass() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
fail() {
	T_N=$((T_N + 1)); T_FAIL=$((T_FAIL + 1)); echo "not ok $T_N - $1"; shift
	for l in "$@"; do printf '#   %s\n' "$l"; done
}

# Spellings kept for compatibility (iproute2's, tcpdump's): the man page
# names them, --help and the README need not.
ALIASES="--force -netns -family -j --timeout -c10 -a -all -brief -details -json
	-oneline -pretty -stats"
# Other programs' options the texts quote (ip -batch, nc -q1, tcpdump -e
# -l, configure --enable-* --with-*, dpkg-buildpackage -us -uc, unshare
# --net, ulimit -Hn, dot -Tsvg): not nsviz's.
# nft's own options that nsviz refuses (nsviz.1 says why) are nft's too.
FOREIGN="-batch -q1 -e -l --enable-werror --enable-sanitizers
	--with-bash-completion-dir -us -uc --net -Hn -Tsvg -f -I -D -N"

# man page source to text: no comments, macros, fonts, quotes
man_text() {
	sed -e '/^\.\\"/d' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e "s/\\\\(aq/'/g" \
		-e 's/\\&//g' -e 's/\\(dq//g' -e 's/^\.[A-Za-z]* *//' -e 's/"//g' "$1"
}
# the option-like tokens of stdin, one a line, aliases and foreign left out
options() {
	grep -oE '(^|[][ (|,`/=])--?[A-Za-z0-9][A-Za-z0-9-]*' | sed 's/^[^-]//' |
		grep -vxF -e "$(printf '%s\n' $ALIASES $FOREIGN)" | sort -u
}
# environment variables (NAME_NAME; capabilities are not)
# the build's make variables (make fuzz-run FUZZ_SECONDS=N ...): not
# nsviz's environment
BUILD_VARS='FUZZ_SECONDS|FUZZ_RUNS|FUZZ_TARGETS|DEB_BUILD_OPTIONS|DISTCHECK_CONFIGURE_FLAGS'
# (NAME_NAME; capabilities and the kernel's flags, O_TMPFILE, AT_SECURE,
# RLIMIT_NOFILE, are not)
envvars() {
	grep -oE '\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b' |
		grep -vE '^(CAP|O|AT|RLIMIT)_' | grep -vE "^($BUILD_VARS)\$" | sort -u
}
# the completion's words (its _nsviz_* lists): options and words
comp_words() {
	sed -n 's/^_nsviz_[a-z_]*="\(.*\)"$/\1/p' "$1" | tr ' ' '\n' | sed '/^$/d'
}

# compare KIND DIR: DIR holds one file per text (its KIND list); every
# token of one must be in all; prints the differences, fails if any
compare() {
	kind=$1 dir=$2 bad=""
	cat "$dir"/* | sort -u >"$dir.all"
	for f in "$dir"/*; do
		miss=$(comm -23 "$dir.all" "$f" | tr '\n' ' ')
		[ -z "$miss" ] || bad="$bad$(basename "$f") lacks: $miss
"
	done
	printf '%s' "$bad"
	[ -z "$bad" ]
}

# phrases DOCFILE: the grammar's commands ("OBJ VERB") and `link set`
# words that DOCFILE does not name.  OBJ VERB may be written OBJ a|VERB,
# OBJ [VERB...
phrases_missing() {
	doc=$1
	tr -s ' \t' '  ' <"$doc" >"$TMPD/phrases.sq"
	for o in netns link addr route neigh echo; do
		for v in $(sed -n "s/^_nsviz_$o=\"\\(.*\\)\"\$/\\1/p" "$COMPL"); do
			grep -Eq "(^|[^a-z-])$o \\[? ?([a-z-]+ ?\\| ?)*$v([^a-z-]|\$)" "$TMPD/phrases.sq" ||
				printf '%s ' "\"$o $v\""
		done
	done
	for w in $(sed -n 's/^_nsviz_link_set="\(.*\)"$/\1/p' "$COMPL") \
	         $(sed -n 's/^_nsviz_commands="\(.*\)"$/\1/p' "$COMPL"); do
		grep -Eq "(^|[^a-z-])$w([^a-z-]|\$)" "$TMPD/phrases.sq" || printf '%s ' "\"$w\""
	done
}

# check_all HELP MAN README COMPLETION: 0 when they agree; the reasons on
# stdout otherwise
check_all() {
	COMPL=$4
	rm -rf "$TMPD/o" "$TMPD/e"
	mkdir -p "$TMPD/o" "$TMPD/e"
	options <"$1" >"$TMPD/o/--help"
	man_text "$2" | options >"$TMPD/o/nsviz.1"
	options <"$3" >"$TMPD/o/README.md"
	comp_words "$4" | grep '^-' | options >"$TMPD/o/completion"
	envvars <"$1" >"$TMPD/e/--help"
	man_text "$2" | envvars >"$TMPD/e/nsviz.1"
	envvars <"$3" >"$TMPD/e/README.md"
	man_text "$2" >"$TMPD/man.txt"
	r=0
	compare options "$TMPD/o" || r=1
	compare "environment variables" "$TMPD/e" || r=1
	for d in "$1:--help" "$TMPD/man.txt:nsviz.1" "$3:README.md"; do
		m=$(phrases_missing "${d%%:*}")
		[ -z "$m" ] || { echo "${d#*:} lacks: $m"; r=1; }
	done
	return $r
}

"$NSVIZ" --help >"$TMPD/help" || fail "nsviz --help: exit 0"
MAN="$BUILDDIR/man/nsviz.1"
[ -f "$MAN" ] || MAN="$TOP_SRCDIR/man/nsviz.1.in"
README="$TOP_SRCDIR/README.md"
COMPLETION="$TOP_SRCDIR/completion/nsviz"

# ---- the checker catches a token missing from any one text ----------------------
# drop LINES matching REGEX from FILE into OUT
drop() { grep -Ev -- "$2" "$1" >"$3"; }
proof() {
	desc=$1 want=$2
	shift 2
	out=$(check_all "$@")
	if [ $? != 0 ] && printf '%s\n' "$out" | grep -qE -- "$want"; then
		pass "the check fails when $desc"
	else
		fail "the check fails when $desc" "expected a report with: $want" "got: $out"
	fi
}
drop "$TMPD/help" '-force' "$TMPD/h1"
proof "--help lacks -force" "^--help lacks: (.* )?-force( |\$)" \
	"$TMPD/h1" "$MAN" "$README" "$COMPLETION"
drop "$MAN" 'NSVIZ_THEMES_DIR' "$TMPD/m1"
proof "nsviz.1 lacks NSVIZ_THEMES_DIR" "^nsviz.1 lacks: (.* )?NSVIZ_THEMES_DIR( |\$)" \
	"$TMPD/help" "$TMPD/m1" "$README" "$COMPLETION"
drop "$README" 'restart' "$TMPD/r1"
proof "the README lacks lesson --restart" "^README.md lacks: (.* )?--restart( |\$)" \
	"$TMPD/help" "$MAN" "$TMPD/r1" "$COMPLETION"
drop "$README" 'nomaster' "$TMPD/r2"
proof "the README lacks nomaster" '^README.md lacks: (.* )?"nomaster"' \
	"$TMPD/help" "$MAN" "$TMPD/r2" "$COMPLETION"
sed 's/echo log ID//' "$TMPD/help" >"$TMPD/h2"
proof "--help lacks echo log" '^--help lacks: (.* )?"echo log"' \
	"$TMPD/h2" "$MAN" "$README" "$COMPLETION"
sed 's/ --ring / /' "$COMPLETION" >"$TMPD/c1"
proof "the completion lacks capture --ring" "^completion lacks: (.* )?--ring( |\$)" \
	"$TMPD/help" "$MAN" "$README" "$TMPD/c1"
printf '\n  --frobnicate   new\n' | cat "$TMPD/help" - >"$TMPD/h3"
proof "only --help has a new option" "^nsviz.1 lacks: (.* )?--frobnicate( |\$)" \
	"$TMPD/h3" "$MAN" "$README" "$COMPLETION"

# ---- the real texts ---------------------------------------------------------------
out=$(check_all "$TMPD/help" "$MAN" "$README" "$COMPLETION")
if [ $? = 0 ]; then
	pass "--help, nsviz(1), the README and the completion agree"
else
	fail "--help, nsviz(1), the README and the completion agree" "$out"
fi

# ---- the sandbox's promise: what it isolates, and that files are not --------------
# (in the UI, tests/tui/ui.sh checks the log line)
man_text "$MAN" | tr -s ' \n' '  ' >"$TMPD/man.flat"
for d in "$TMPD/help:--help" "$TMPD/man.flat:nsviz.1" "$README:README.md"; do
	f=${d%%:*} n=${d#*:}
	flat=$(tr -s ' \n' '  ' <"$f")
	if printf '%s' "$flat" | grep -Eqi 'network, mounts? and (pid|process)' &&
	   printf '%s' "$flat" | grep -Eqi 'files (are|with) your|your files'; then
		pass "$n: the sandbox isolates network, mounts and processes, not files"
	else
		fail "$n: the sandbox isolates network, mounts and processes, not files"
	fi
	if printf '%s' "$flat" | grep -Eqi 'nothing (here )?touches the host|host is never touched'; then
		fail "$n: no promise that nothing touches the host" \
			"$(printf '%s' "$flat" | grep -Eoi '.{40}(nothing (here )?touches the host|host is never touched).{0,20}')"
	else
		pass "$n: no promise that nothing touches the host"
	fi
done

# ---- one version: configure's, in --version, the man pages, debian/changelog
V=$("$NSVIZ" --version | sed -n 's/^nsviz //p')
for m in nsviz.1 nsviz-lesson.5 nsviz-theme.5; do
	f="$BUILDDIR/man/$m"
	[ -f "$f" ] || continue
	th=$(sed -n 's/^\.TH [^ ]* [0-9] \([0-9-]*\) "nsviz \([^"]*\)".*/\1 \2/p' "$f")
	case $th in
	[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]" $V") pass "$m: .TH has a date and nsviz $V" ;;
	*) fail "$m: .TH has a date and nsviz $V" "got: $th" ;;
	esac
done
if [ -f "$TOP_SRCDIR/debian/changelog" ]; then
	d=$(sed -n '1s/^nsviz (\([^)-]*\)\(-[^)]*\)\?).*/\1/p' "$TOP_SRCDIR/debian/changelog")
	if [ "$d" = "$V" ]; then pass "debian/changelog is version $V"; else
		fail "debian/changelog is version $V" "got: $d"; fi
fi

# ---- mandoc -Tlint ----------------------------------------------------------------
if command -v mandoc >/dev/null; then
	for m in nsviz.1 nsviz-lesson.5 nsviz-theme.5; do
		f="$BUILDDIR/man/$m"
		[ -f "$f" ] || f="$TOP_SRCDIR/man/$m.in"
		lint=$(mandoc -Tlint -W warning "$f" 2>&1)
		if [ -z "$lint" ]; then pass "mandoc -Tlint: $m clean"; else
			fail "mandoc -Tlint: $m clean" "$lint"; fi
	done
else
	echo "# mandoc not installed: the man pages are not linted"
	if [ "$T_FAIL" = 0 ]; then echo "1..$T_N"; exit 77; fi
fi

echo "1..$T_N"
[ "$T_FAIL" = 0 ]
