// The map: an offline basemap of country borders (Natural Earth via world-atlas), optional online
// tiles, and events as points coloured by type, clustered when dense.

import { typeSlug } from "./dom.js";

const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const TILE_CREDIT = "© OpenStreetMap contributors";

export function createMap(container, { onEventClick }) {
  const L = window.L;
  const map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([25, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth");
  const tiles = L.tileLayer(TILE_URL, { maxZoom: 18, attribution: TILE_CREDIT });
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
  });
  map.addLayer(clusters);
  loadBasemap(map);

  let fitted = false;
  return {
    map,
    setTiles(on) {
      if (on) tiles.addTo(map);
      else tiles.remove();
    },
    setEvents(features) {
      clusters.clearLayers();
      const markers = features.map((feature) => marker(L, feature, onEventClick));
      clusters.addLayers(markers);
      if (!fitted && markers.length) {
        fitted = true;
        const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
      }
    },
  };
}

function marker(L, feature, onClick) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry.coordinates;
  const cls = `ev-marker t-${typeSlug(p.event_type)}${p.fictional ? " fictional" : ""}`;
  const icon = L.divIcon({ className: cls, iconSize: [14, 14] });
  const where = [p.location, p.country].filter(Boolean).join(", ");
  const title = `${p.fictional ? "FICTIONAL · " : ""}${p.event_date || "undated"} · `
    + `${p.sub_event_type || p.event_type || "non-ACLED event"} · ${where}`;
  // `title` is set as a DOM property by Leaflet: plain text, never HTML.
  const m = L.marker([lat, lon], { icon, title, keyboard: true, alt: title });
  m.on("add", () => {
    const node = m.getElement();
    if (node) node.dataset.eventId = feature.id;
  });
  m.on("click", () => onClick(feature.id));
  return m;
}

async function loadBasemap(map) {
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  if (!response.ok) return;
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  window.L.geoJSON(countries, {
    interactive: false,
    style: { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map).bringToBack();
}
