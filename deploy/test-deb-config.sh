#!/usr/bin/env bash
# Acceptance of the install path (issue 15), on a kiosk-edge package already installed into a scratch
# root (deploy/test-deb.sh calls this with that root): the installed binaries, packaged appsettings.json
# and shipped examples, nothing from the repository.
#   1. The shipped, half-filled /etc/kiosk/kiosk.json: the configuration check (the unit's ExecCondition=,
#      kioskctl config check) exits 1 and names every missing key; exit 1 makes systemd skip the start
#      instead of failing and restarting it, so the unit does not crash-loop.
#   2. The complete example (kiosk.json.example) with the operator's files (trust store, TLS) in place:
#      the check passes and the service starts (simulated board: no GPIO chip here), answers kioskctl
#      status, and stops cleanly on SIGTERM.
# Usage: deploy/test-deb-config.sh ROOT      Prints ok/FAIL lines and "test-deb-config: PASS|FAIL" last.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(realpath "$1")
bin="$root/usr/lib/kiosk-edge/kiosk-edge"
ctl="$root/usr/lib/kiosk-edge/kioskctl/kioskctl"
work=$(mktemp -d /tmp/kiosk-deb-config.XXXXXX)
service_pid=""
cleanup() { [ -z "$service_pid" ] || kill "$service_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
failures=0
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi; }
export DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1
unset NOTIFY_SOCKET KIOSK_SOCKET

echo "== half-filled configuration: the shipped kiosk.json with only Kiosk:Id filled in"
sed 's/"Id": ""/"Id": "sh-pd-0042"/' "$root/etc/kiosk/kiosk.json" > "$work/half.json"
KIOSK_CONFIG="$work/half.json" "$bin" --check-config > "$work/half.txt" 2>&1
rc=$?
sed 's/^/      /' "$work/half.txt"
check "check exits 1 (systemd skips the start: no crash loop)" test "$rc" -eq 1
for key in Kiosk:Station:Code Kiosk:Station:Name Doors:Cabins Security:TrustStorePath Mqtt:Host; do
  check "check names $key" grep -q "$key" "$work/half.txt"
done
check "check does not complain about the filled Kiosk:Id" bash -c "! grep -q 'Kiosk:Id' '$work/half.txt'"
check "no stack trace" bash -c "! grep -q 'Unhandled exception' '$work/half.txt'"
check "unit runs the check as ExecCondition" grep -qx 'ExecCondition=/usr/lib/kiosk-edge/kiosk-edge --check-config' "$root/lib/systemd/system/kiosk-edge.service"
check "kioskctl config check reports the same" bash -c "KIOSK_CONFIG='$work/half.json' KIOSK_EDGE_BINARY='$bin' '$ctl' config check | grep -q Doors:Cabins; test \${PIPESTATUS[0]} -eq 1"

echo "== complete example: kiosk.json.example with the trust store and TLS files in place"
bash deploy/certs/make-test-pki.sh "$work/pki" sh-pd-0042 > /dev/null 2>&1
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl ec -pubout -out "$work/issuer.pub.pem" 2>/dev/null
cat > "$work/trust-store.json" <<JSON
{ "keys": [ { "kid": "fleet-2026", "issuer": "https://issuer.fleet.example.cn", "publicKeyFile": "$work/issuer.pub.pem", "roles": [ "worker", "steward", "maintenance", "operator" ] } ] }
JSON
broker_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
site=(--Security:TrustStorePath="$work/trust-store.json" --Mqtt:Tls:CaFile="$work/pki/ca.crt"
      --Mqtt:Tls:CertFile="$work/pki/sh-pd-0042.crt" --Mqtt:Tls:KeyFile="$work/pki/sh-pd-0042.key")
export KIOSK_CONFIG="$root/etc/kiosk/kiosk.json.example"
"$bin" --check-config "${site[@]}" > "$work/full.txt" 2>&1
rc=$?
sed 's/^/      /' "$work/full.txt"
check "check passes on the complete example" test "$rc" -eq 0
KIOSK_CONFIG="$root/etc/kiosk/kiosk-one-cabin.json.example" "$bin" --check-config "${site[@]}" > "$work/one.txt" 2>&1
check "check passes on the one-cabin example" test $? -eq 0

# No GPIO chip or I2C bus in CI: the simulated board stands in (sibling implementation, same options);
# the broker is an unused loopback port, so the kiosk starts offline, as at a site without network.
"$bin" "${site[@]}" --Board:Kind=Simulated --Kiosk:StateDirectory="$work/state" --Kiosk:RuntimeDirectory="$work/run" \
  --Mqtt:Host=127.0.0.1 --Mqtt:Port="$broker_port" --Mqtt:StartDelayMax=00:00:00 > "$work/service.log" 2>&1 &
service_pid=$!
started=false
for _ in $(seq 1 120); do
  if "$ctl" --socket "$work/run/kiosk.sock" status > "$work/status.txt" 2>&1; then started=true; break; fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 0.5
done
check "service starts and answers kioskctl status" $started
check "status shows both cabins" bash -c "grep -q rest '$work/status.txt' && grep -q life '$work/status.txt'"
kill -TERM "$service_pid" 2>/dev/null
wait "$service_pid"
rc=$?
service_pid=""
check "service stops cleanly on SIGTERM (exit 0)" test "$rc" -eq 0
$started || tail -30 "$work/service.log"

if [ $failures -eq 0 ]; then echo "test-deb-config: PASS"; else echo "test-deb-config: FAIL ($failures checks)"; fi
[ $failures -eq 0 ]
