#!/usr/bin/env bash
# Installs the kiosk-edge .deb into a scratch root and checks what a technician's install gives:
# files, modes, the conffile, the kiosk user and its groups (systemd-sysusers), the directories
# (systemd-tmpfiles), the enabled unit; then an upgrade (configuration and state kept), a remove
# (configuration and state kept) and a purge (state and user gone).
# Maintainer scripts really run (dpkg --force-script-chrootless with DPKG_ROOT), but nothing
# touches this machine's own /etc or systemd.
#
# Usage: deploy/test-deb.sh [path/to/kiosk-edge_V_ARCH.deb]   (default: builds one for this arch)
# Prints one "ok"/"FAIL" line per check and "test-deb: PASS" or "test-deb: FAIL" last.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in systemd-sysusers:systemd systemd-tmpfiles:systemd deb-systemd-helper:init-system-helpers userdel:passwd; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "test-deb.sh: needs root (dpkg --root installs with real owners)" >&2
  exit 2
fi

deb=${1:-}
[ -n "$deb" ] || deb=$(deploy/build-deb.sh | tail -1)
deb=$(realpath "$deb")
version=$(dpkg-deb -f "$deb" Version)

root=$(mktemp -d /tmp/kiosk-deb-root.XXXXXX)
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT
failures=0
check() { # check "description" command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}
# Owners are resolved through the scratch root's own passwd/group, not this machine's.
name_of() { awk -F: -v id="$2" '$3 == id {print $1; exit}' "$root/etc/$1"; }
mode_of() { echo "$(stat -c %a "$root$1") $(name_of passwd "$(stat -c %u "$root$1")"):$(name_of group "$(stat -c %g "$root$1")")"; }
is_mode() { [ "$(mode_of "$1")" = "$2" ]; }

# A minimal target system: dpkg's database and the base accounts (dialout, audio come from base-passwd).
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc" "$root/usr/sbin"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
for f in passwd group shadow gshadow; do
  grep -E '^(root|daemon|bin|sys|adm|tty|disk|dialout|audio|nogroup|nobody|users):' "/etc/$f" > "$root/etc/$f" || true
done
chmod 640 "$root/etc/shadow" "$root/etc/gshadow"
dpkg_root() { dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root "$@"; }

echo "== install $(basename "$deb")"
dpkg_root -i "$deb" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

check "service binary is executable" test -x "$root/usr/lib/kiosk-edge/kiosk-edge"
check "kioskctl binary is executable" test -x "$root/usr/lib/kiosk-edge/kioskctl/kioskctl"
check "/usr/bin/kioskctl links to it" test "$(readlink "$root/usr/bin/kioskctl")" = ../lib/kiosk-edge/kioskctl/kioskctl
check "unit installed" test -f "$root/lib/systemd/system/kiosk-edge.service"
check "unit runs the installed binary" grep -qx 'ExecStart=/usr/lib/kiosk-edge/kiosk-edge' "$root/lib/systemd/system/kiosk-edge.service"
check "restart back-off drop-in" test -f "$root/lib/systemd/system/kiosk-edge.service.d/restart-backoff.conf"
check "sysusers.d entry" test -f "$root/usr/lib/sysusers.d/kiosk-edge.conf"
check "tmpfiles.d entry" test -f "$root/usr/lib/tmpfiles.d/kiosk-edge.conf"
check "udev rules" test -f "$root/lib/udev/rules.d/60-kiosk-edge.rules"
check "example configuration" test -f "$root/etc/kiosk/kiosk.json.example"
check "crew sudoers example shipped, not active" test -f "$root/usr/share/doc/kiosk-edge/examples/sudoers-kiosk-crew" -a ! -e "$root/etc/sudoers.d/kiosk-crew"
if command -v visudo >/dev/null; then
  check "crew sudoers example parses" visudo -cqf "$root/usr/share/doc/kiosk-edge/examples/sudoers-kiosk-crew"
fi
check "kiosk.json is a conffile" grep -q '^ /etc/kiosk/kiosk.json ' <(dpkg --root="$root" --status kiosk-edge)
check "no demo key shipped" test ! -e "$root/usr/lib/kiosk-edge/demo"
check "no Development settings shipped" test ! -e "$root/usr/lib/kiosk-edge/appsettings.Development.json"
check "production settings shipped" test -f "$root/usr/lib/kiosk-edge/appsettings.json"
check "every packaged file is root-owned" test -z "$(dpkg-deb --contents "$deb" | awk '$2 != "root/root"')"
check "no world-writable packaged file" test -z "$(dpkg-deb --contents "$deb" | awk '$1 ~ /^.......w/ && $1 !~ /^l/')"
check "user kiosk exists, no login" grep -qE '^kiosk:x:[0-9]+:[0-9]+:Kiosk Edge service:/var/lib/kiosk-edge:/usr/sbin/nologin$' "$root/etc/passwd"
check "kiosk is a system user (uid < 1000)" test "$(awk -F: '$1 == "kiosk" {print $3}' "$root/etc/passwd")" -lt 1000
for g in gpio i2c dialout audio; do
  check "kiosk in group $g" grep -qE "^$g:[^:]*:[0-9]+:(.*,)?kiosk(,.*)?$" "$root/etc/group"
done
check "/var/lib/kiosk-edge 0700 kiosk:kiosk" is_mode /var/lib/kiosk-edge "700 kiosk:kiosk"
check "/etc/kiosk 0750 root:kiosk" is_mode /etc/kiosk "750 root:kiosk"
check "/etc/kiosk/kiosk.json 0640 root:kiosk" is_mode /etc/kiosk/kiosk.json "640 root:kiosk"
check "unit enabled for multi-user.target" test -L "$root/etc/systemd/system/multi-user.target.wants/kiosk-edge.service"

check "board documents shipped" test -f "$root/usr/share/doc/kiosk-edge/operations.md" -a -f "$root/usr/share/doc/kiosk-edge/diagnostics.md" -a -f "$root/usr/share/doc/kiosk-edge/maintenance.md"
# install.md links these; the man page's SEE ALSO names README.md (newcomer report B6).
for doc in README.md install.md rtc.md power.md tokens.md mqtt.md occupancy-intercom.md climate.md configuration.md; do
  check "board document $doc shipped" test -f "$root/usr/share/doc/kiosk-edge/$doc"
done
check "clip folder exists" test -d "$root/usr/share/kiosk-edge/clips"
check "tzdata is a dependency" bash -c "dpkg-deb -f '$deb' Depends | grep -qw tzdata"
# Debian 13 renamed libssl3 to libssl3t64 (64-bit time_t transition); on 64-bit architectures it also Provides libssl3.
check "OpenSSL dependency names both releases' package" bash -c "dpkg-deb -f '$deb' Depends | grep -qF 'libssl3t64 | libssl3'"
check "/etc/kiosk/mqtt 0750 root:kiosk" is_mode /etc/kiosk/mqtt "750 root:kiosk"
# The TLS key is the service user's only (group kiosk is also the maintenance crew): tmpfiles corrects a key
# installed with the wrong owner or mode, as postinst's "systemd-tmpfiles --create" does on every configure.
install -m 0640 /dev/null "$root/etc/kiosk/mqtt/kiosk.key"
systemd-tmpfiles --root="$root" --create kiosk-edge.conf >/dev/null 2>&1 || true
check "/etc/kiosk/mqtt/kiosk.key 0400 kiosk:kiosk after tmpfiles" is_mode /etc/kiosk/mqtt/kiosk.key "400 kiosk:kiosk"

# Least privilege, tried for real: a maintenance crew member (a uid of its own, supplementary group kiosk)
# reads the configuration and the trust store, but neither the TLS key nor the service's state, and writes
# none of them. A state database is laid out as the service would have created it under a laxer umask (0640).
kiosk_uid=$(awk -F: '$1 == "kiosk" {print $3}' "$root/etc/passwd")
kiosk_gid=$(awk -F: '$1 == "kiosk" {print $3}' "$root/etc/group")
install -m 0640 -o root -g "$kiosk_gid" /dev/null "$root/etc/kiosk/trust-store.json"
install -m 0640 -o "$kiosk_uid" -g "$kiosk_gid" /dev/null "$root/var/lib/kiosk-edge/events.db"
chmod 0755 "$root"   # mktemp made the scratch root 0700: let the crew uid reach into it, as / would
as_crew() { setpriv --reuid=64242 --regid=64242 --groups="$kiosk_gid" -- "$@"; }
check "crew reads kiosk.json" as_crew test -r "$root/etc/kiosk/kiosk.json"
check "crew reads the trust store" as_crew test -r "$root/etc/kiosk/trust-store.json"
check "crew cannot read the TLS key" as_crew test ! -r "$root/etc/kiosk/mqtt/kiosk.key"
check "crew cannot list the state directory" as_crew test ! -r "$root/var/lib/kiosk-edge"
check "crew cannot read a state database" as_crew test ! -r "$root/var/lib/kiosk-edge/events.db"
check "crew cannot write a state database" as_crew test ! -w "$root/var/lib/kiosk-edge/events.db"
check "crew cannot write kiosk.json" as_crew test ! -w "$root/etc/kiosk/kiosk.json"
check "crew cannot write the trust store" as_crew test ! -w "$root/etc/kiosk/trust-store.json"
check "crew sudo rules exclude the service account" grep -qx '%kiosk, !kiosk ALL=(root) KIOSK_CREW' "$root/usr/share/doc/kiosk-edge/examples/sudoers-kiosk-crew"
chmod 0700 "$root"
rm -f "$root/etc/kiosk/mqtt/kiosk.key" "$root/etc/kiosk/trust-store.json" "$root/var/lib/kiosk-edge/events.db"
if deploy/test-deb-config.sh "$root"; then echo "ok    configuration acceptance (test-deb-config.sh)"; else echo "FAIL  configuration acceptance (test-deb-config.sh)"; failures=$((failures + 1)); fi

echo "== upgrade to the same package again (as an upgrade): configuration and state survive"
echo '{ "Kiosk": { "Id": "site-0042", "Station": { "Code": "S-42", "Name": "Site 42" } } }' > "$root/etc/kiosk/kiosk.json"
echo "journal" > "$root/var/lib/kiosk-edge/events.db"
chown 0:0 "$root/var/lib/kiosk-edge/events.db"
dpkg_root --force-confold -i "$deb" > "$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; exit 1; }
check "edited kiosk.json kept" grep -q site-0042 "$root/etc/kiosk/kiosk.json"
check "state kept" grep -q journal "$root/var/lib/kiosk-edge/events.db"
check "state directory still 0700 kiosk:kiosk" is_mode /var/lib/kiosk-edge "700 kiosk:kiosk"

echo "== remove: configuration, state and user stay"
dpkg_root -r kiosk-edge > "$work/remove.log" 2>&1 || { cat "$work/remove.log"; exit 1; }
check "binaries gone" test ! -e "$root/usr/lib/kiosk-edge/kiosk-edge"
check "kiosk.json kept" grep -q site-0042 "$root/etc/kiosk/kiosk.json"
check "state kept" test -f "$root/var/lib/kiosk-edge/events.db"
check "user kept" grep -q '^kiosk:' "$root/etc/passwd"

echo "== purge: state and user removed"
mkdir -p "$root/etc/kiosk/mqtt" && install -m 0400 /dev/null "$root/etc/kiosk/mqtt/kiosk.key"   # an operator file, not a conffile
dpkg_root -P kiosk-edge > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; exit 1; }
check "kiosk.json removed" test ! -e "$root/etc/kiosk/kiosk.json"
check "/etc/kiosk removed with the TLS key" test ! -e "$root/etc/kiosk"
check "state removed" test ! -e "$root/var/lib/kiosk-edge"
check "user removed" bash -c "! grep -q '^kiosk:' '$root/etc/passwd'"
check "shared groups kept" grep -q '^gpio:' "$root/etc/group"
check "unit no longer enabled" test ! -e "$root/etc/systemd/system/multi-user.target.wants/kiosk-edge.service"

if [ $failures -eq 0 ]; then echo "test-deb: PASS ($version)"; else echo "test-deb: FAIL ($failures checks)"; fi
[ $failures -eq 0 ]
