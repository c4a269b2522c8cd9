// The fleet map (Leaflet, global L from lib/leaflet). Coordinates are WGS-84 as the kiosks report them.
// Without a tile URL the map shows only the vendored district outlines (no tiles can be fetched).
const maps = new WeakMap();

function text(tag, value, className) {
  const el = document.createElement(tag);
  el.textContent = value;
  if (className) el.className = className;
  return el;
}

export async function init(element, options) {
  const map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
  const state = { map, options, stations: L.layerGroup().addTo(map), ids: '', stationBounds: null, outlineBounds: null };
  maps.set(element, state);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.tileAttribution, maxZoom: 19 }).addTo(map);
  }
  map.setView([37.87, 112.55], 10);
  try {
    const response = await fetch(options.outlines);
    const outlines = L.geoJSON(await response.json(), {
      style: { color: '#5c6b7a', weight: 1, fillColor: '#dfe6ec', fillOpacity: 0.5 },
      interactive: false,
    }).addTo(map);
    state.outlineBounds = outlines.getBounds();
    map.attributionControl.addAttribution(options.outlinesLabel);
    fit(state);
  } catch (e) {
    console.error('district outlines', e);
  }
}

export function show(element, stations) {
  const state = maps.get(element);
  if (!state) return;
  state.stations.clearLayers();
  const bounds = [];
  for (const s of stations) {
    const ll = [s.lat, s.lon];
    bounds.push(ll);
    L.circle(ll, { radius: state.options.radius, className: `radius ${s.state}`, interactive: false }).addTo(state.stations);
    const icon = L.divIcon({ className: `station-marker ${s.state}`, iconSize: [18, 18] });
    const marker = L.marker(ll, { icon, title: `${s.name}: ${s.stateLabel}`, alt: `${s.name}: ${s.stateLabel}`, keyboard: true, riseOnHover: true });
    const popup = document.createElement('div');
    popup.append(text('strong', s.name), text('div', s.code), text('div', s.stateLabel, `state ${s.state}`));
    if (s.alarms) popup.append(text('div', s.alarms));
    const link = text('a', state.options.openLabel);
    link.href = `/console/kiosks/${encodeURIComponent(s.id)}`;
    popup.append(link);
    marker.bindPopup(popup);
    marker.addTo(state.stations);
    const el = marker.getElement();
    if (el) {
      el.dataset.kiosk = s.id;
      el.dataset.state = s.state;
      el.setAttribute('aria-label', `${s.name}: ${s.stateLabel}`);
    }
  }
  // Fit the view when the set of stations changes (first load, a new station), not on every update.
  const ids = stations.map(s => s.id).join(' ');
  if (ids !== state.ids) {
    state.ids = ids;
    state.stationBounds = bounds.length > 0 ? L.latLngBounds(bounds) : null;
    fit(state);
  }
}

function fit(state) {
  if (state.stationBounds) {
    state.map.fitBounds(state.stationBounds.pad(0.4), { maxZoom: 13, animate: false });
  } else if (state.outlineBounds) {
    state.map.fitBounds(state.outlineBounds, { animate: false });
  }
}
