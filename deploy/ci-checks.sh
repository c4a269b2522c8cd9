#!/usr/bin/env bash
# Deployment checks for CI (tests/run-all.sh calls this when it is executable):
#   1. deploy/verify-unit.sh        systemd-analyze verify + security exposure <= 2.5     (~1 s)
#   2. deploy/build-deb.sh          amd64 package of the Native AOT build                  (~2-4 min;
#                                   seconds when KIOSK_PUBLISHED names tests/run-all.sh's publish root)
#   3. lintian                      no E:/W: findings on the package                       (~15 s)
#   4. deploy/test-deb.sh           install/upgrade/remove/purge in a scratch root, with the
#                                   half-filled and complete configuration (test-deb-config.sh) (~40 s)
#   4b. deploy/test-apt-repo.sh     the package in a signed reprepro repository apt accepts (~10 s)
#   5. deploy/measure.py --smoke    AOT figures, CI-sized, when KIOSK_PUBLISHED is set     (~30 s)
#   5b. deploy/code-order/check.py  the AOT build follows the method order file, which is
#                                   not stale, when KIOSK_PUBLISHED is set                 (~5 s)
#   6. deploy/ci-arm64-smoke.sh     arm64 Native AOT cross-publish, run under qemu-user   (~4-6 min)
# Each check prints its own PASS/FAIL; the last line is "ci-checks: PASS" or "ci-checks: FAIL (names)".
# Set KIOSK_SKIP_ARM64=1 to leave out the emulated arm64 run.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
run() {
  local name=$1; shift
  echo "== $name"
  local t0=$SECONDS
  if "$@"; then echo "-- $name: ok ($((SECONDS - t0)) s)"; else echo "-- $name: FAILED ($((SECONDS - t0)) s)"; failed+=("$name"); fi
}

lintian_clean() {
  command -v lintian >/dev/null || {
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends lintian >/dev/null
  }
  local findings
  findings=$(lintian --tag-display-limit 0 "$1" 2>&1 | grep -E '^[EW]: ' || true)
  [ -z "$findings" ] || { echo "$findings"; return 1; }
  echo "lintian: no errors or warnings"
}

run verify-unit deploy/verify-unit.sh
deb=""
deb_args=(--arch amd64)
# Publish once per CI run: reuse what tests/run-all.sh published (and ran the integration tests on).
[ -n "${KIOSK_PUBLISHED:-}" ] && [ -d "${KIOSK_PUBLISHED}/linux-x64" ] && deb_args+=(--no-publish --publish "$KIOSK_PUBLISHED")
build_deb() { deb=$(deploy/build-deb.sh "${deb_args[@]}" | tail -1) && [ -f "$deb" ] && echo "built $deb"; }
run build-deb build_deb
if [ -n "$deb" ] && [ -f "$deb" ]; then
  run lintian lintian_clean "$deb"
  run test-deb deploy/test-deb.sh "$deb"
  run apt-repo deploy/test-apt-repo.sh "$deb"
fi
# The measurement script, CI-sized (5 s idle, 50 scans), on the AOT build the tests ran: keeps it working.
# The full side-by-side JIT/AOT run is by hand (deploy/measure.py; docs/deployment.md).
[ -n "${KIOSK_PUBLISHED:-}" ] && run measure-smoke timeout 600 python3 deploy/measure.py --smoke --builds aot --aot-root "$KIOSK_PUBLISHED"
# The method order file (memory: docs/deployment.md) still names the code, and the build follows it.
[ -n "${KIOSK_PUBLISHED:-}" ] && run code-order python3 deploy/code-order/check.py "$KIOSK_PUBLISHED"
[ "${KIOSK_SKIP_ARM64:-0}" = 1 ] || run arm64-smoke timeout 1500 deploy/ci-arm64-smoke.sh --timeout 1400

if [ ${#failed[@]} -eq 0 ]; then echo "ci-checks: PASS"; else echo "ci-checks: FAIL (${failed[*]})"; exit 1; fi
