#!/usr/bin/env bash
# A signed apt repository for kiosk-edge, built with reprepro, with two suites for a staged rollout:
# "canary" (a few kiosks) and "stable" (the fleet). docs/operations.md ("Software updates across a fleet")
# shows the board's side (sources file, unattended-upgrades).
#
# Usage:
#   deploy/apt-repo.sh --repo DIR --key KEYID add SUITE PKG.deb...   add packages to a suite (canary|stable)
#   deploy/apt-repo.sh --repo DIR --key KEYID promote FROM TO        copy kiosk-edge from one suite to the other
#   deploy/apt-repo.sh --repo DIR --key KEYID export-key FILE        the public key for the boards' keyring
#   deploy/apt-repo.sh --repo DIR list                               what each suite holds
# KEYID is a GnuPG key in the caller's keyring (GNUPGHOME is honoured) that signs Release (InRelease,
# Release.gpg). Serve DIR/public over HTTPS; DIR/conf and DIR/db stay private.
set -euo pipefail

repo=""
key=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    *) break ;;
  esac
done
[ -n "$repo" ] && [ $# -ge 1 ] || { sed -n '5,9p' "$0" >&2; exit 2; }
command -v reprepro >/dev/null || { echo "apt-repo.sh: reprepro missing (apt-get install reprepro gnupg)" >&2; exit 2; }
need_key() { [ -n "$key" ] || { echo "apt-repo.sh: --key KEYID is required to sign" >&2; exit 2; }; }

init() {
  mkdir -p "$repo/conf" "$repo/public"
  [ -f "$repo/conf/distributions" ] && return 0
  need_key
  for suite in canary stable; do
    cat <<CONF
Origin: Kiosk Edge
Label: Kiosk Edge
Suite: $suite
Codename: $suite
Architectures: arm64 amd64
Components: main
Description: kiosk-edge releases ($suite)
SignWith: $key

CONF
  done > "$repo/conf/distributions"
  printf 'outdir +b/public\nverbose\n' > "$repo/conf/options"
}

command=$1; shift
case "$command" in
  add)
    [ $# -ge 2 ] || { echo "usage: apt-repo.sh --repo DIR --key KEYID add SUITE PKG.deb..." >&2; exit 2; }
    need_key; init
    suite=$1; shift
    case "$suite" in canary|stable) ;; *) echo "apt-repo.sh: suite must be canary or stable" >&2; exit 2 ;; esac
    # Section/priority for packages whose control file has none (the real package says misc/optional).
    for deb in "$@"; do reprepro -b "$repo" --section misc --priority optional includedeb "$suite" "$deb"; done
    ;;
  promote)
    [ $# -eq 2 ] || { echo "usage: apt-repo.sh --repo DIR --key KEYID promote FROM TO" >&2; exit 2; }
    need_key; init
    reprepro -b "$repo" copy "$2" "$1" kiosk-edge
    ;;
  export-key)
    [ $# -eq 1 ] || { echo "usage: apt-repo.sh --repo DIR --key KEYID export-key FILE" >&2; exit 2; }
    need_key
    gpg --export "$key" > "$1"
    ;;
  list)
    for suite in canary stable; do reprepro -b "$repo" list "$suite"; done
    ;;
  *) echo "apt-repo.sh: unknown command $command" >&2; exit 2 ;;
esac
