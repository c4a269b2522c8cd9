#!/usr/bin/env bash
# Self-contained publish of kiosk-edge (the service) and kioskctl (the CLI) for the boards.
#
# Usage: deploy/publish.sh [--rid linux-arm64|linux-x64]... [--trim] [--aot] [--out DIR]
#   default: both RIDs, untrimmed, JIT, into artifacts/publish/RID/{kiosk-edge,kioskctl}/
#   --trim     trimmed (about 40% of the size); fails on any trim warning but the known-safe one below
#   --aot      Native AOT for the service (needs clang and zlib1g-dev; for linux-arm64 on x64 also
#              binutils-aarch64-linux-gnu, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross,
#              libgcc-12-dev-arm64-cross); same warning gate
#
# Untrimmed is the default because the trim analysis is not clean today (docs/deployment.md:
# IL2091 in Hardware/AddPinClaims, IL2104 from System.Device.Gpio); once it is, make --trim the
# default. Each app gets its own folder: two trimmed apps must not share one, their trimmed copies
# of the framework differ.
set -euo pipefail
cd "$(dirname "$0")/.."

rids=()
aot=false
trim=false
out=artifacts/publish
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) rids+=("$2"); shift 2 ;;
    --aot) aot=true; shift ;;
    --trim) trim=true; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "publish.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-arm64 linux-x64)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# RangeAttribute(typeof(TimeSpan), "min", "max") on options is flagged because DataAnnotations'
# own implementation converts through a TypeConverter. It is never run: the [OptionsValidator]
# source generator emits its own range check (__SourceGen__RangeAttribute), and nothing reflects
# over the attributes at run time.
allowed_warning="RangeAttribute.RangeAttribute\(Type, String, String\)"

publish() {
  local project=$1 rid=$2 dest=$3; shift 3
  local log
  log=$(mktemp)
  rm -rf "$dest"
  echo "== publish $project for $rid -> $dest $*"
  # Trim/AOT analysis warnings must not fail the compile step; they are judged below instead.
  if ! dotnet publish "$project" -c Release -r "$rid" --self-contained -o "$dest" -nologo \
      -p:TreatWarningsAsErrors=false -p:GenerateDocumentationFile=false "$@" >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; return 1
  fi
  local unexpected
  unexpected=$(grep -E "warning (IL[0-9]+|CS[0-9]+|CA[0-9]+)" "$log" | grep -vE "$allowed_warning" | sed -E 's/ \[[^]]*\]$//' | sort -u || true)
  rm -f "$log"
  if [ -n "$unexpected" ]; then
    echo "$unexpected"
    echo "publish.sh: $project for $rid has warnings (above); fix them (annotations, source generators) or publish without --trim" >&2
    return 1
  fi
  # appsettings.Development.json and demo/ stay here for simulation runs (CI smoke, measurements);
  # build-deb.sh leaves them out of the package.
}

for rid in "${rids[@]}"; do
  edge_props=()
  if $aot; then
    edge_props+=(-p:PublishAot=true)
    if [ "$rid" = linux-arm64 ] && [ "$(uname -m)" != aarch64 ]; then
      # Cross-link with Debian's toolchain: clang targets aarch64 and finds the cross GCC and libc
      # (/usr/lib/gcc-cross, /usr/aarch64-linux-gnu) itself; the GNU linker is aarch64-linux-gnu-ld.bfd.
      edge_props+=(-p:LinkerFlavor=bfd -p:ObjCopyName=aarch64-linux-gnu-objcopy)
    fi
  elif $trim; then
    edge_props+=(-p:PublishTrimmed=true)
  fi
  publish src/Kiosk.Edge "$rid" "$out/$rid/kiosk-edge" "${edge_props[@]}"
  ctl_props=()
  $trim && ctl_props+=(-p:PublishTrimmed=true)
  publish src/Kiosk.Ctl "$rid" "$out/$rid/kioskctl" "${ctl_props[@]}"
  du -sh "$out/$rid/kiosk-edge" "$out/$rid/kioskctl"
done
