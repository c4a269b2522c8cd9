#!/usr/bin/env bash
# Checks deploy/apt-repo.sh end to end with a throw-away signing key: a package added to canary, promoted
# to stable, and apt itself (a scratch apt configuration, file:// source, Signed-By the exported key)
# accepts the signed repository and sees the package in both suites; a tampered Release is refused.
# Usage: deploy/test-apt-repo.sh [PKG.deb]   (default: a tiny package built here)
# Prints ok/FAIL lines and "test-apt-repo: PASS|FAIL" last.
set -uo pipefail
cd "$(dirname "$0")/.."
missing=()
for tool in reprepro:reprepro gpg:gnupg gpgv:gpgv; do command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
work=$(mktemp -d /tmp/kiosk-apt.XXXXXX)
trap 'gpgconf --homedir "$work/gnupg" --kill all >/dev/null 2>&1; rm -rf "$work"' EXIT
failures=0
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi; }

export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --batch --passphrase '' --quick-gen-key "Kiosk Edge test releases <test@kiosk.invalid>" ed25519 sign 1d 2>/dev/null
keyid=$(gpg --list-keys --with-colons | awk -F: '$1 == "fpr" {print $10; exit}')

deb=${1:-}
if [ -z "$deb" ]; then
  mkdir -p "$work/pkg/DEBIAN"
  printf 'Package: kiosk-edge\nVersion: 0.0.1\nArchitecture: arm64\nMaintainer: test <test@kiosk.invalid>\nDescription: test\n' > "$work/pkg/DEBIAN/control"
  dpkg-deb --root-owner-group --build "$work/pkg" "$work/kiosk-edge_0.0.1_arm64.deb" >/dev/null
  deb="$work/kiosk-edge_0.0.1_arm64.deb"
fi
version=$(dpkg-deb -f "$deb" Version)
arch=$(dpkg-deb -f "$deb" Architecture)

repo="$work/repo"
check "add to canary" deploy/apt-repo.sh --repo "$repo" --key "$keyid" add canary "$deb"
check "promote canary to stable" deploy/apt-repo.sh --repo "$repo" --key "$keyid" promote canary stable
check "export the public key" deploy/apt-repo.sh --repo "$repo" --key "$keyid" export-key "$work/archive.gpg"
check "stable InRelease is signed by the key" gpgv --keyring "$work/archive.gpg" "$repo/public/dists/stable/InRelease"
check "Release.gpg is a valid detached signature" gpgv --keyring "$work/archive.gpg" "$repo/public/dists/stable/Release.gpg" "$repo/public/dists/stable/Release"

# apt with its own state, reading only this repository (both suites), verifying with Signed-By.
mkdir -p "$work/apt/etc/sources.list.d" "$work/apt/etc/preferences.d" "$work/apt/state/lists/partial" "$work/apt/cache/archives/partial"
touch "$work/apt/state/status"
cat > "$work/apt/etc/sources.list.d/kiosk-edge.sources" <<SRC
Types: deb
URIs: file://$repo/public
Suites: canary stable
Components: main
Signed-By: $work/archive.gpg
SRC
apt_opts=(-o Dir::Etc="$work/apt/etc" -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/apt/etc/sources.list.d"
  -o Dir::State="$work/apt/state" -o Dir::State::status="$work/apt/state/status" -o Dir::Cache="$work/apt/cache"
  -o APT::Architecture="$arch" -o APT::Architectures::="$arch" -o Debug::NoLocking=1)
check "apt update accepts the signed repository" apt-get "${apt_opts[@]}" update
check "apt sees kiosk-edge $version in stable and canary" bash -c "apt-cache $(printf '%q ' "${apt_opts[@]}") madison kiosk-edge | grep -c '$version' | grep -qx 2"

sed -i 's/^Suite: stable/Suite: stable-tampered/' "$repo/public/dists/stable/InRelease"
rm -rf "$work/apt/state/lists"; mkdir -p "$work/apt/state/lists/partial"
apt-get "${apt_opts[@]}" update > "$work/tampered.log" 2>&1
check "a tampered InRelease is refused (bad signature)" grep -qiE 'BADSIG|invalid signature|not signed|signatures were invalid' "$work/tampered.log"

if [ $failures -eq 0 ]; then echo "test-apt-repo: PASS"; else echo "test-apt-repo: FAIL ($failures checks)"; fi
[ $failures -eq 0 ]
