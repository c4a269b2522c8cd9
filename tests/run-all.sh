#!/usr/bin/env bash
# Runs every test of the repository on a fresh Debian machine with the .NET SDK:
# installs what the tests need, builds, runs unit and integration tests, a benchmark smoke run
# and the deployment checks. Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(mosquitto mosquitto-clients espeak-ng sox libgpiod2 openssl faketime postgresql nodejs npm python3)
# clang, zlib1g-dev: the Native AOT publish below (the arm64 cross toolchain: deploy/ci-arm64-smoke.sh).
packages+=(clang zlib1g-dev)
# chromium: the console's browser tests (Playwright drives Debian's build; no browser download).
packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
  case "$p" in
    # node and npm may come from elsewhere (nodesource, nvm): only install Debian's when the command is missing.
    nodejs) command -v node >/dev/null || missing+=("$p") ;;
    npm) command -v npm >/dev/null || missing+=("$p") ;;
    *) dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p") ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== build"
dotnet build Kiosk.sln -c Release -nologo -v quiet

results=$(mktemp -d)
status=0

# The shipped build, published once: the integration tests start these executables (Native AOT
# kiosk-edge and kioskctl) instead of the JIT build, and deploy/ci-checks.sh packages them.
case "$(uname -m)" in aarch64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
publish_root=$PWD/artifacts/publish
echo "== publish Native AOT ($rid)"
if bash deploy/publish.sh --rid "$rid" --out "$publish_root"; then
  export KIOSK_TEST_SERVICE=$publish_root/$rid/kiosk-edge/kiosk-edge
  export KIOSK_TEST_KIOSKCTL=$publish_root/$rid/kioskctl/kioskctl
  export KIOSK_PUBLISHED=$publish_root
else
  echo "run-all.sh: the Native AOT publish failed; the integration tests fall back to the JIT build"
  status=1
fi
run_tests() {
  local project=$1
  shift
  echo "== test $project"
  if ! dotnet test --project "tests/$project" -c Release --no-build "$@" 2>&1 | tee "$results/$project.log"; then
    status=1
  fi
}
run_tests Kiosk.Tests
run_tests Kiosk.IntegrationTests
# The fleet's measurement run is tests/Kiosk.Fleet.Tests/measure.sh, not a test.
run_tests Kiosk.Fleet.Tests --filter-not-trait "Category=Measurement"
run_tests Kiosk.FleetSim.Tests
run_tests Kiosk.Console.Tests

# The scale smoke run (issue 14; deploy/scale/scale.py, python3 stdlib): real Mosquitto and PostgreSQL, one then two
# fleet instances, 200 simulated kiosks for about 60 s, a broker restart, 20 kiosks through a simulated day. Prints
# the figures, asserts none; fails when a part fails or a figure is missing. The full sizes are run by hand (docs/scale.md).
echo "== scale smoke run"
if python3 deploy/scale/test_figures.py >"$results/scale-figures.txt" 2>&1 \
   && timeout 900 python3 deploy/scale/scale.py --smoke; then
  :
else
  tail -20 "$results/scale-figures.txt"; status=1
fi

echo "== AsyncAPI document (@asyncapi/parser, versions pinned by tests/contract/package-lock.json)"
if npm ci --prefix tests/contract --no-audit --no-fund --ignore-scripts >"$results/npm.txt" 2>&1 \
   && node tests/contract/validate.mjs docs/asyncapi.yaml 2>&1 | tee "$results/asyncapi.txt" && grep -q '^asyncapi: PASS' "$results/asyncapi.txt"; then
  :
else
  tail -20 "$results/npm.txt"; status=1
fi

if [ -x deploy/ci-checks.sh ]; then
  echo "== deployment checks"
  bash deploy/ci-checks.sh || status=1
fi

echo "== benchmark smoke run"
dotnet run -c Release --no-build --project tests/Kiosk.Benchmarks -- --filter '*' --job dry --inProcess >"$results/bench.txt" 2>&1 || { tail -40 "$results/bench.txt"; status=1; }
grep -E "^\| *[A-Za-z]" "$results/bench.txt" | head -20 || true

passed=0; failed=0
for log in "$results"/*.log; do
  # awk, not grep | awk: a log without the line must count 0, not stop the script under pipefail.
  p=$(awk '/^[[:space:]]+succeeded: / {s+=$2} END {print s+0}' "$log")
  f=$(awk '/^[[:space:]]+failed: / {s+=$2} END {print s+0}' "$log")
  passed=$((passed + p)); failed=$((failed + f))
done
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || status=1
exit $status
