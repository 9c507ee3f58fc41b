#!/bin/sh
# KQL coverage of a rule corpus over all flavours of the kql target: a rule counts as converted when any
# flavour converts it (Defender alone, + kql-sentinel, + kql-sentinel-windowsevent, + both).
#   tools/corpus/kql-union.sh /path/to/sigma/rules...
# Prints the failing files per flavour, then the union figure; with KEEP=DIR, leaves each flavour's errors
# (DIR/flavourN.err) and the rules no flavour converts (DIR/union.fail) there. Run from the repository after
# `mvn -B -q package -DskipTests`.
set -eu
[ $# -gt 0 ] || { echo "usage: $0 PATH..." >&2; exit 2; }
dir=${KEEP:-$(mktemp -d)}
mkdir -p "$dir"
n=0
for flavour in "" "-p kql-sentinel" "-p kql-sentinel-windowsevent" "-p kql-sentinel -p kql-sentinel-windowsevent"; do
  n=$((n + 1))
  # shellcheck disable=SC2086 # the flavour is a list of options
  ./sigc convert -t kql $flavour "$@" >/dev/null 2>"$dir/flavour$n.err" || true
  grep " error: " "$dir/flavour$n.err" | cut -d: -f1 | sort -u >"$dir/flavour$n.fail" || true
  echo "kql $flavour: $(wc -l <"$dir/flavour$n.fail") failing files"
done
cat "$dir"/flavour[1-4].fail | sort | uniq -c | awk '$1 == 4 { print $2 }' >"$dir/union.fail"
total=$(find "$@" -name '*.yml' -o -name '*.yaml' | grep -v '/tests/' | wc -l)
fail=$(wc -l <"$dir/union.fail")
echo "any flavour: $((total - fail)) of $total converted, $fail fail" \
  "($(awk "BEGIN { printf \"%.1f\", 100 * ($total - $fail) / $total }")% converted)"
[ -n "${KEEP:-}" ] || rm -rf "$dir"
