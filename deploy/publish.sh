#!/usr/bin/env bash
# Publishes kiosk-edge (the service) and kioskctl (the CLI) for the boards.
#
# Usage: deploy/publish.sh [--rid linux-arm64|linux-x64]... [--jit] [--out DIR]
#   default: both RIDs, Native AOT (the shipped build), into artifacts/publish/RID/{kiosk-edge,kioskctl}/
#   --jit      self-contained JIT build instead (what the package shipped before Native AOT; for
#              side-by-side measurements, deploy/measure.sh)
#
# Native AOT needs clang, GNU binutils and zlib1g-dev; for linux-arm64 on an x64 machine also
# binutils-aarch64-linux-gnu, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross and libgcc-12-dev-arm64-cross
# (--install-toolchain installs what is missing with apt-get).
#
# Any compiler, trim or AOT analysis warning fails the publish: TreatWarningsAsErrors (Directory.Build.props)
# also makes the AOT compiler's warnings errors, and the projects show every library warning one by one
# (TrimmerSingleWarn false; the one reviewed exception is documented in src/Kiosk.Edge/Kiosk.Edge.csproj).
# Each app gets its own folder: the two apps' runtime files must not mix.
set -euo pipefail
cd "$(dirname "$0")/.."

rids=()
aot=true
install_toolchain=false
out=artifacts/publish
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) rids+=("$2"); shift 2 ;;
    --jit) aot=false; shift ;;
    --aot) aot=true; shift ;;
    --install-toolchain) install_toolchain=true; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "publish.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-arm64 linux-x64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cross_arm64() { [ "$1" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; }

if $aot && $install_toolchain; then
  packages=(clang zlib1g-dev binutils)
  for rid in "${rids[@]}"; do
    if cross_arm64 "$rid"; then
      packages+=(binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross libgcc-12-dev-arm64-cross)
    fi
  done
  missing=()
  for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing ${missing[*]}"
    sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

publish() {
  local project=$1 rid=$2 dest=$3; shift 3
  local log
  log=$(mktemp)
  rm -rf "$dest"
  echo "== publish $project for $rid -> $dest $*"
  if ! dotnet publish "$project" -c Release -r "$rid" --self-contained -o "$dest" -nologo \
      -p:GenerateDocumentationFile=false "$@" >"$log" 2>&1; then
    grep -E "(error|warning) [A-Z]+[0-9]+" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u || cat "$log"
    echo "publish.sh: $project for $rid failed (above); fix warnings with annotations or source generators" >&2
    rm -f "$log"; return 1
  fi
  # Belt and braces: a warning that is not an error (e.g. a tool that ignores TreatWarningsAsErrors)
  # still fails here.
  local warnings
  warnings=$(grep -E "warning [A-Z]+[0-9]+" "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u || true)
  rm -f "$log"
  if [ -n "$warnings" ]; then
    echo "$warnings"
    echo "publish.sh: $project for $rid has warnings (above)" >&2
    return 1
  fi
  # Native AOT leaves the symbols next to the binary (NAME.dbg); appsettings.Development.json and demo/
  # stay here for simulation runs (CI, measurements). build-deb.sh leaves all of them out of the package.
}

for rid in "${rids[@]}"; do
  props=()
  if $aot; then
    if cross_arm64 "$rid"; then
      # Cross-link with Debian's toolchain: clang targets aarch64 and finds the cross GCC and libc
      # (/usr/lib/gcc-cross, /usr/aarch64-linux-gnu) itself; the GNU linker is aarch64-linux-gnu-ld.bfd.
      props+=(-p:LinkerFlavor=bfd -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    fi
  else
    props+=(-p:PublishAot=false)
  fi
  publish src/Kiosk.Edge "$rid" "$out/$rid/kiosk-edge" "${props[@]}"
  publish src/Kiosk.Ctl "$rid" "$out/$rid/kioskctl" "${props[@]}"
  du -sh "$out/$rid/kiosk-edge" "$out/$rid/kioskctl"
done
