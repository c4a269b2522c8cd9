#!/usr/bin/env bash
# Builds the kiosk-edge Debian package from a publish output (deploy/publish.sh).
#
# Usage: deploy/build-deb.sh [--arch amd64|arm64] [--publish DIR] [--version V] [--out DIR] [--no-publish]
#   --publish DIR   publish root holding RID/kiosk-edge and RID/kioskctl (default artifacts/publish)
#   --no-publish    use what is already in the publish root instead of running publish.sh
# Writes OUT/kiosk-edge_VERSION_ARCH.deb (default OUT = artifacts) and prints its path last.
#
# The binaries are the Native AOT build (publish.sh's default).
# Layout: /usr/lib/kiosk-edge (service), /usr/lib/kiosk-edge/kioskctl (CLI), /usr/bin/kioskctl,
# /lib/systemd/system/kiosk-edge.service (+ .d/restart-backoff.conf), sysusers.d, tmpfiles.d,
# udev rules, /etc/kiosk/kiosk.json (conffile) and the examples, the board's documents in
# /usr/share/doc/kiosk-edge, the clip folder /usr/share/kiosk-edge/clips.
set -euo pipefail
cd "$(dirname "$0")/.."

arch=$(dpkg --print-architecture)
publish_root=artifacts/publish
out=artifacts
version=""
run_publish=true
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) arch=$2; shift 2 ;;
    --publish) publish_root=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-publish) run_publish=false; shift ;;
    *) echo "build-deb.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$arch" in
  amd64) rid=linux-x64; multiarch=x86_64-linux-gnu ;;
  arm64) rid=linux-arm64; multiarch=aarch64-linux-gnu ;;
  *) echo "build-deb.sh: unsupported architecture $arch" >&2; exit 2 ;;
esac
[ -n "$version" ] || version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Kiosk.Edge/Kiosk.Edge.csproj | head -1)

if $run_publish; then
  deploy/publish.sh --rid "$rid" --out "$publish_root" >&2
fi
for app in kiosk-edge kioskctl; do
  [ -x "$publish_root/$rid/$app/$app" ] || { echo "build-deb.sh: $publish_root/$rid/$app/$app missing (run deploy/publish.sh --rid $rid)" >&2; exit 1; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/kiosk-edge"
install -d -m 755 "$pkg/DEBIAN" "$pkg/usr/lib/kiosk-edge" "$pkg/usr/bin" "$pkg/lib/systemd/system/kiosk-edge.service.d" \
  "$pkg/usr/lib/sysusers.d" "$pkg/usr/lib/tmpfiles.d" "$pkg/lib/udev/rules.d" "$pkg/etc/kiosk" "$pkg/usr/share/doc/kiosk-edge" \
  "$pkg/usr/share/man/man1" "$pkg/usr/share/lintian/overrides"

cp -a "$publish_root/$rid/kiosk-edge/." "$pkg/usr/lib/kiosk-edge/"
cp -a "$publish_root/$rid/kioskctl" "$pkg/usr/lib/kiosk-edge/kioskctl"
# Development-only material never ships: the demo issuer key would let anyone mint passes.
rm -rf "$pkg/usr/lib/kiosk-edge/demo" "$pkg/usr/lib/kiosk-edge/kioskctl/demo"
rm -f "$pkg"/usr/lib/kiosk-edge/appsettings.Development.json "$pkg"/usr/lib/kiosk-edge/kioskctl/appsettings*.json
# Symbols stay in the build: Native AOT's NAME.dbg (about twice the binary) and any managed .pdb.
find "$pkg/usr/lib/kiosk-edge" \( -name '*.pdb' -o -name '*.dbg' \) -delete
# Native libraries from NuGet (SQLite) come with symbols; the runtime's own are already stripped.
strip_tool=strip
[ "$arch" = "$(dpkg --print-architecture)" ] || strip_tool=$multiarch-strip
command -v "$strip_tool" >/dev/null || { echo "build-deb.sh: $strip_tool missing (apt-get install binutils-$multiarch)" >&2; exit 1; }
find "$pkg/usr/lib/kiosk-edge" -name '*.so' -exec "$strip_tool" --strip-unneeded --remove-section=.comment --remove-section=.note {} +
ln -s ../lib/kiosk-edge/kioskctl/kioskctl "$pkg/usr/bin/kioskctl"

install -m 644 systemd/kiosk-edge.service "$pkg/lib/systemd/system/"
install -m 644 systemd/kiosk-edge.service.d/restart-backoff.conf "$pkg/lib/systemd/system/kiosk-edge.service.d/"
install -m 644 systemd/kiosk-edge.sysusers.conf "$pkg/usr/lib/sysusers.d/kiosk-edge.conf"
install -m 644 systemd/kiosk-edge.tmpfiles.conf "$pkg/usr/lib/tmpfiles.d/kiosk-edge.conf"
install -m 644 systemd/60-kiosk-edge.rules "$pkg/lib/udev/rules.d/"
install -m 644 deploy/package/kiosk.json deploy/package/kiosk.json.example deploy/package/kiosk-one-cabin.json.example "$pkg/etc/kiosk/"
gzip -9n < deploy/package/kioskctl.1 > "$pkg/usr/share/man/man1/kioskctl.1.gz"
# The crew's restricted sudo rules: an example the technician installs (docs/install.md step 12), never active by itself.
install -d -m 755 "$pkg/usr/share/doc/kiosk-edge/examples"
install -m 644 deploy/package/sudoers-kiosk-crew "$pkg/usr/share/doc/kiosk-edge/examples/"
install -m 644 deploy/package/lintian-overrides "$pkg/usr/share/lintian/overrides/kiosk-edge"
# The board's documents: what a technician and a maintenance crew read on site (the unit's Documentation=).
# install.md links rtc.md, power.md, tokens.md, mqtt.md and the others: a site without internet needs them all.
install -m 644 README.md docs/operations.md docs/install.md docs/rtc.md docs/diagnostics.md docs/maintenance.md \
  docs/configuration.md docs/power.md docs/tokens.md docs/mqtt.md docs/occupancy-intercom.md docs/climate.md \
  docs/deployment.md docs/fleet.md "$pkg/usr/share/doc/kiosk-edge/"
# Recorded announcement clips (Intercom:ClipDirectory) go here; the package owns the empty folder.
install -d -m 755 "$pkg/usr/share/kiosk-edge/clips"
cat > "$pkg/usr/share/doc/kiosk-edge/copyright" <<'COPYRIGHT'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: kiosk-edge
Comment: Self-contained .NET application; the bundled .NET runtime and NuGet libraries
 (Microsoft.Extensions.*, Microsoft.Data.Sqlite, SQLitePCLRaw, System.Device.Gpio, MQTTnet,
 Polly) are MIT licensed; SQLite is public domain.

Files: *
Copyright: Kiosk Edge team
License: proprietary
 All rights reserved.
COPYRIGHT
changelog_date=$(git log -1 --format=%aD 2>/dev/null || date -R)
printf 'kiosk-edge (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Kiosk Edge team <edge@kiosk.invalid>  %s\n' \
  "$version" "$version" "$changelog_date" | gzip -9n > "$pkg/usr/share/doc/kiosk-edge/changelog.gz"

install -m 755 deploy/package/postinst deploy/package/prerm deploy/package/postrm "$pkg/DEBIAN/"
printf '/etc/kiosk/kiosk.json\n/etc/kiosk/kiosk.json.example\n/etc/kiosk/kiosk-one-cabin.json.example\n' > "$pkg/DEBIAN/conffiles"
installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: kiosk-edge
Version: $version
Architecture: $arch
Maintainer: Kiosk Edge team <edge@kiosk.invalid>
Installed-Size: $installed_kb
Depends: libc6 (>= 2.36), libgcc-s1, libstdc++6, libssl3t64 | libssl3, libgpiod3 | libgpiod2, systemd (>= 247), init-system-helpers (>= 1.62), passwd, tzdata
Recommends: espeak-ng, alsa-utils
Section: misc
Priority: optional
Homepage: https://kiosk.invalid/edge
Description: edge controller for unattended rest kiosks
 Drives the door locks, power guard and intercom of a rest kiosk for outdoor
 workers, verifies scan-to-open passes offline, and reports to the fleet over
 MQTT. Runs as the hardened systemd service kiosk-edge; kioskctl is the local
 maintenance tool.
CONTROL

# Executables keep 755; everything else is 644, directories 755.
find "$pkg" -path "$pkg/DEBIAN" -prune -o -type d -exec chmod 755 {} +
find "$pkg/usr/lib/kiosk-edge" -type f ! -name kiosk-edge ! -name kioskctl ! -name createdump -exec chmod 644 {} +
find "$pkg/usr/lib/kiosk-edge" -type f \( -name kiosk-edge -o -name kioskctl -o -name createdump \) -exec chmod 755 {} +

(cd "$pkg" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$pkg/DEBIAN/md5sums"
chmod 644 "$pkg/DEBIAN/md5sums" "$pkg/DEBIAN/conffiles" "$pkg/DEBIAN/control"

mkdir -p "$out"
deb="$out/kiosk-edge_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" >&2
echo "$deb"
