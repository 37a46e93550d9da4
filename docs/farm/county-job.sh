#!/usr/bin/env bash
# One county's job on a CI runner farm: check, build, bundle, verify, publish.
#
#   county-job.sh SITE_DIR WORK_DIR [--date YYYY-MM-DD]
#
# SITE_DIR   the county's site (book.toml + content/), as checked out by the runner.
# WORK_DIR   where this job writes: check.json, public/, <slug>.zip, job.log. Kept as the job's
#            artifacts; nothing is written anywhere else until the publish step.
# --date     "today" for the checks and the build (default: the runner's date). Pass the
#            pipeline's date so every county of one run is built for the same day.
#
# Environment:
#   GONGKAI      the binary (default: gongkai on PATH). Build it once per pipeline and cache it:
#                every county job runs the same binary.
#   PUBLISH_DIR  if set, the built site is published to PUBLISH_DIR/<slug>/ by a rename, so a
#                reader of the host never sees half a site. Leave it unset and use your own
#                upload step (rsync, ossutil, coscmd, scp) on WORK_DIR/public instead.
#   COUNTY_SLUG  the folder name under PUBLISH_DIR (default: the basename of SITE_DIR).
#
# Exit status: 0 published (or built, without PUBLISH_DIR); 1 the county's site has errors
# (check.json and job.log say which file, line and fix; nothing was built or published);
# 2 usage or I/O error. One county's failure never touches another county's published site.
set -euo pipefail

usage() { echo "usage: county-job.sh SITE_DIR WORK_DIR [--date YYYY-MM-DD]" >&2; exit 2; }
[ $# -ge 2 ] || usage
site=$1 work=$2; shift 2
date_args=()
if [ $# -gt 0 ]; then
  [ "$1" = "--date" ] && [ $# -eq 2 ] || usage
  date_args=(--date "$2")
fi
[ -f "$site/book.toml" ] || { echo "county-job: $site has no book.toml" >&2; exit 2; }
gk=${GONGKAI:-gongkai}
slug=${COUNTY_SLUG:-$(basename "$(cd "$site" && pwd)")}
mkdir -p "$work"
log="$work/job.log"
: >"$log"
step() { echo "[$(date -u +%H:%M:%S)] $slug: $*" | tee -a "$log" >&2; }

step "$("$gk" --version)"

# 1. Check: every problem of the county at once, as JSON for the farm's dashboard. Exit 1 is
#    the county's own errors; stop here so nothing half-checked is built.
step "check"
set +e
"$gk" check --root "$site" --format json "${date_args[@]}" >"$work/check.json" 2>>"$log"
status=$?
set -e
if [ $status -ne 0 ]; then
  "$gk" check --root "$site" "${date_args[@]}" >>"$log" 2>&1 || true
  step "check failed (exit $status): see $work/check.json"
  exit $status
fi

# 2. Build into the work folder (atomic: a failed build leaves no public/ behind).
step "build"
GONGKAI_TIMINGS=1 "$gk" build --root "$site" --output "$work/public" "${date_args[@]}" 2>>"$log"

# 3. The offline bundle (USB stick, reading room), and its verification against its manifest.
step "pack"
"$gk" pack --root "$site" --output "$work/$slug.zip" "${date_args[@]}" 2>>"$log"
rm -rf "$work/bundle"
mkdir -p "$work/bundle"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$work/$slug.zip" -d "$work/bundle"
else
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$work/$slug.zip" "$work/bundle"
fi
"$gk" pack --verify "$work/bundle" 2>>"$log"
rm -rf "$work/bundle"

# 4. Publish: copy beside the live folder, then swap by renames, so the host always serves a
#    whole site (the old one until the swap, the new one after).
if [ -n "${PUBLISH_DIR:-}" ]; then
  step "publish to $PUBLISH_DIR/$slug"
  mkdir -p "$PUBLISH_DIR"
  rm -rf "$PUBLISH_DIR/.$slug.new" "$PUBLISH_DIR/.$slug.old"
  cp -R "$work/public" "$PUBLISH_DIR/.$slug.new"
  if [ -e "$PUBLISH_DIR/$slug" ]; then mv "$PUBLISH_DIR/$slug" "$PUBLISH_DIR/.$slug.old"; fi
  mv "$PUBLISH_DIR/.$slug.new" "$PUBLISH_DIR/$slug"
  rm -rf "$PUBLISH_DIR/.$slug.old"
fi
step "done"
