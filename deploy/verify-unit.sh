#!/usr/bin/env bash
# Checks systemd/kiosk-edge.service: `systemd-analyze verify` with no findings, and an offline
# `systemd-analyze security` exposure of 2.5 or lower. Works in a container without a running
# systemd: the unit is checked from a scratch copy whose ExecStart names a binary that exists.
# The restart back-off drop-in is verified too when this systemd (>= 254) knows its keys.
# Usage: deploy/verify-unit.sh            Exit 0 and "verify-unit: PASS" when both hold.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v systemd-analyze >/dev/null; then
  echo "== installing systemd (for systemd-analyze)"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi

max_exposure_tenths=25
version=$(systemd-analyze --version | awk 'NR==1 {print $2}')
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp systemd/kiosk-edge.service "$scratch/"
# The real ExecStart and ExecCondition (/usr/lib/kiosk-edge/kiosk-edge) exist only once the package is installed.
sed -i -e 's|^ExecStart=.*|ExecStart=/bin/true|' -e 's|^ExecCondition=.*|ExecCondition=/bin/true|' "$scratch/kiosk-edge.service"
if [ "$version" -ge 254 ]; then
  cp -r systemd/kiosk-edge.service.d "$scratch/"
  echo "== systemd $version: verifying the unit with its restart back-off drop-in"
else
  echo "== systemd $version: RestartSteps=/RestartMaxDelaySec= need 254; verifying the unit without restart-backoff.conf"
fi

status=0
findings=$(systemd-analyze verify --man=no "$scratch/kiosk-edge.service" 2>&1) || status=1
if [ -n "$findings" ]; then
  echo "$findings"
  status=1
fi
if [ $status -eq 0 ]; then echo "verify: clean"; else echo "verify: FINDINGS (above)"; fi

security_flags=(--no-pager)
if systemd-analyze security --help 2>&1 | grep -q -- '--offline'; then
  security_flags+=(--offline=true)
fi
report=$(systemd-analyze security "${security_flags[@]}" "$scratch/kiosk-edge.service" 2>&1) || true
score=$(echo "$report" | sed -n 's/.*Overall exposure level for kiosk-edge.service: \([0-9.]*\).*/\1/p')
if [ -z "$score" ]; then
  echo "$report" | tail -5
  echo "security: could not read the exposure level"
  status=1
else
  echo "$report" | grep -E '^✗' | sed 's/  */ /g' || true
  echo "security: exposure $score (limit $((max_exposure_tenths / 10)).$((max_exposure_tenths % 10)))"
  if awk -v s="$score" -v m="$max_exposure_tenths" 'BEGIN { exit !(s * 10 > m) }'; then
    status=1
  fi
fi

if [ $status -eq 0 ]; then echo "verify-unit: PASS"; else echo "verify-unit: FAIL"; fi
exit $status
