#!/bin/sh
# Coverage of a rule corpus for every target and bundled flavour, with the commonest failure reasons.
#   tools/corpus/report.sh /path/to/sigma/rules /path/to/sigma/rules-emerging-threats ...
# For each configuration: rules converted (a rule fails when any error line names its file), and the TOP
# (default 8) commonest reasons, counted per error line, with quoted names folded to 'X' so that one reason
# over many fields or values counts once. The KQL "any flavour" line is tools/corpus/kql-union.sh's figure.
# Run from the repository after `mvn -B -q package -DskipTests`. Nothing is written outside a temporary folder.
set -eu
[ $# -gt 0 ] || { echo "usage: $0 PATH..." >&2; exit 2; }
top=${TOP:-8}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
total=$(find "$@" \( -name '*.yml' -o -name '*.yaml' \) | grep -v '/tests/' | wc -l)
echo "corpus: $total rule files"
report() { # $1: label; the rest: sigc convert options
  label=$1
  shift
  ./sigc convert "$@" >/dev/null 2>"$dir/err" || true
  grep " error: " "$dir/err" | cut -d: -f1 | sort -u >"$dir/fail" || true
  fail=$(wc -l <"$dir/fail")
  echo
  echo "$label: $((total - fail)) of $total converted" \
    "($(awk "BEGIN { printf \"%.1f\", 100 * ($total - $fail) / $total }")%), $fail fail"
  grep " error: " "$dir/err" | sed -e 's/^[^ ]* error: //' -e "s/'[^']*'/X/g" | cut -c1-150 \
    | sort | uniq -c | sort -rn | head -n "$top" || true
}
for p in "" "-p kql-sentinel" "-p kql-sentinel-windowsevent"; do
  # shellcheck disable=SC2086 # the flavour is a list of options
  report "kql ${p:-(Defender)}" -t kql $p "$@"
done
echo
tools/corpus/kql-union.sh "$@" | tail -n 1 | sed 's/^/kql, /'
report "eql" -t eql "$@"
report "spl" -t spl "$@"
report "spl -p spl-cim" -t spl -p spl-cim "$@"
