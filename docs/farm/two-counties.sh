#!/usr/bin/env bash
# Runs the farm's per-county job (county-job.sh) here, as a runner farm would: the binary built
# once, then one job per county in parallel, each publishing to the same host folder. Two
# generated counties and a third with a clerk's mistake, whose job must fail without touching
# the other two.
#
#   docs/farm/two-counties.sh [--n 2000] [--out /tmp/gongkai-farm] [--date 2026-12-01]
#
# Needs python3 with PyYAML for ../shared/tools/gen_site.py (pip install pyyaml).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=2000 out=/tmp/gongkai-farm date=2026-12-01
while [ $# -gt 0 ]; do
  case $1 in
    --n) n=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --date) date=$2; shift 2 ;;
    *) echo "usage: two-counties.sh [--n N] [--out DIR] [--date D]" >&2; exit 2 ;;
  esac
done
gen=${GEN_SITE:-$repo/../shared/tools/gen_site.py}

# Stage 1 of the pipeline: build the binary once; every county job uses this one file.
(cd "$repo" && cargo build --release --locked -q)
export GONGKAI=$repo/target/release/gongkai

rm -rf "$out"
mkdir -p "$out/counties" "$out/jobs"
for seed in 1 2; do
  python3 "$gen" --n "$n" --catalogs "$repo/catalogs" --out "$out/counties/county-$seed" --seed "$seed" >/dev/null
done
# The third county: county-2 with a full-width colon in one notice's front matter (GK013).
cp -R "$out/counties/county-2" "$out/counties/county-broken"
victim=$(find "$out/counties/county-broken/content" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
sed -i '0,/^标题: /s//标题：/' "$victim"

# Stage 2: one job per county, in parallel (a matrix), all publishing to one host folder.
export PUBLISH_DIR=$out/host
pids=()
for c in "$out"/counties/*; do
  name=$(basename "$c")
  ( start=$EPOCHREALTIME
    set +e
    COUNTY_SLUG=$name "$here/county-job.sh" "$c" "$out/jobs/$name" --date "$date" >/dev/null 2>&1
    rc=$?
    awk -v n="$name" -v rc="$rc" -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%s %s %.2f\n", n, rc, b - a }' >"$out/jobs/$name.result" ) &
  pids+=($!)
done
wait "${pids[@]}"

fail=0
printf '%-16s %-6s %-8s %s\n' county exit wall_s published
for r in "$out"/jobs/*.result; do
  read -r name rc wall <"$r"
  pub=no; [ -f "$PUBLISH_DIR/$name/index.html" ] && pub=yes
  printf '%-16s %-6s %-8s %s\n' "$name" "$rc" "$wall" "$pub"
  case $name in
    county-broken) [ "$rc" = 1 ] && [ $pub = no ] || { echo "FAIL: the broken county must fail and publish nothing" >&2; fail=1; } ;;
    *) [ "$rc" = 0 ] && [ $pub = yes ] || { echo "FAIL: $name did not publish (see $out/jobs/$name/job.log)" >&2; fail=1; } ;;
  esac
done
grep -q '"GK013"' "$out/jobs/county-broken/check.json" || { echo "FAIL: check.json of the broken county lacks GK013" >&2; fail=1; }
exit $fail
