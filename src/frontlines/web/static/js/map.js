// The map: an offline basemap of country borders (Natural Earth via world-atlas) with place labels
// (GeoNames, from the server), optional online tiles, and events as points coloured by type,
// clustered when dense.

import { typeColour, typeSlug } from "./dom.js";
import { createLabels } from "./labels.js";

const TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const TILE_CREDIT = "© OpenStreetMap contributors";

export function createMap(container, { onEventClick }) {
  const L = window.L;
  const map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([25, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Borders: Natural Earth");
  const tiles = L.tileLayer(TILE_URL, { maxZoom: 18, attribution: TILE_CREDIT });
  let chunksDone = () => {};
  const clusters = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    chunkProgress: (done, total) => { if (done === total) chunksDone(); },
    iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);
  // Server-side clusters (GET /api/clusters): the density of a store too large to load whole.
  const density = L.layerGroup().addTo(map);
  // Resolves once the borders are drawn (or could not be loaded): never rejects.
  const basemap = loadBasemap(map).catch((error) => console.error(error));
  showAdmin1(map);
  createLabels(map);

  let fitted = false;
  let selected = null;
  const byId = new Map();
  const mark = () => {
    for (const [id, m] of byId) {
      const node = m.getElement();
      if (node) node.classList.toggle("selected", id === selected);
    }
  };
  clusters.on("animationend", mark);
  map.on("zoomend moveend", mark);
  const sayZoom = () => { container.dataset.zoom = String(map.getZoom()); };
  map.on("zoomend", sayZoom);
  sayZoom();
  return {
    map,
    // The next setEvents fits the map to its events (after the filters change).
    refit() {
      fitted = false;
    },
    // Highlights the event shown in the panel (null: none), and opens its cluster.
    select(id) {
      selected = id;
      const m = id === null ? null : byId.get(id);
      if (m && !m.getElement() && clusters.hasLayer(m)) clusters.zoomToShowLayer(m, mark);
      mark();
    },
    setTiles(on) {
      if (on) tiles.addTo(map);
      else tiles.remove();
    },
    // Shows the server's clusters (count per grid square) instead of events; a click zooms into
    // the square. Resolves once the map has settled, as setEvents does.
    async setClusters(found) {
      clusters.clearLayers();
      byId.clear();
      density.clearLayers();
      for (const cluster of found) density.addLayer(densityMarker(L, map, cluster));
      container.dataset.clusters = String(found.length);
      let moved = Promise.resolve();
      if (!fitted && found.length) {
        fitted = true;
        const bounds = L.latLngBounds(found.map((c) => [[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]]).flat());
        moved = new Promise((resolve) => map.once("moveend", resolve));
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
      }
      await Promise.all([basemap, within(moved, 5_000)]);
      await quiet(container, 5_000);
    },
    // The map's view as an API bbox (min_lon,min_lat,max_lon,max_lat), clamped to the world.
    viewBbox() {
      const b = map.getBounds();
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(5)).join(",");
    },
    // Puts the events on the map; resolves once the map has settled: borders drawn, markers
    // clustered, and the zoom that fits the events (and any cluster animation) ended.
    async setEvents(features) {
      density.clearLayers();
      container.dataset.clusters = "0";
      clusters.clearLayers();
      byId.clear();
      const markers = features.map((feature) => marker(L, feature, onEventClick));
      markers.forEach((m, i) => byId.set(features[i].id, m));
      const clustered = new Promise((resolve) => { chunksDone = resolve; });
      clusters.addLayers(markers);
      if (!markers.length) chunksDone();
      let moved = Promise.resolve();
      if (!fitted && markers.length) {
        fitted = true;
        const bounds = L.latLngBounds(markers.map((m) => m.getLatLng()));
        moved = new Promise((resolve) => map.once("moveend", resolve));
        map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
      }
      await Promise.all([basemap, within(clustered, 10_000), within(moved, 5_000)]);
      await quiet(container, 5_000);
      mark();
    },
  };
}

// `promise`, or undefined after `ms` milliseconds, whichever comes first.
function within(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(resolve, ms))]);
}

const ANIMATING = ".leaflet-zoom-anim, .leaflet-cluster-anim";

// Waits (at most `ms`) until no zoom or cluster animation runs, seen on two frames in a row.
function quiet(container, ms) {
  const deadline = performance.now() + ms;
  let calm = 0;
  return new Promise((resolve) => {
    const check = () => {
      calm = container.querySelector(ANIMATING) ? 0 : calm + 1;
      if (calm >= 2 || performance.now() > deadline) resolve();
      else setTimeout(check, 50);
    };
    check();
  });
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
  const m = L.marker([lat, lon], { icon, title, keyboard: true, alt: title, eventType: p.event_type });
  m.on("add", () => {
    const node = m.getElement();
    if (node) node.dataset.eventId = feature.id;
  });
  m.on("click", () => onClick(feature.id));
  return m;
}

// One server-side cluster: a grey disc sized by its count, at its events' mean point.
function densityMarker(L, map, cluster) {
  const size = Math.round(Math.min(56, 24 + 4 * Math.log10(Math.max(1, cluster.count)) * 2));
  const html = document.createElement("div");
  html.className = "ev-cluster-inner density";
  html.append(Object.assign(document.createElement("span"), { textContent: shortCount(cluster.count) }));
  html.title = `${cluster.count} events: zoom in to see them`;
  const icon = L.divIcon({ html, className: "marker-cluster ev-cluster density", iconSize: [size, size] });
  const m = L.marker([cluster.latitude, cluster.longitude], { icon, keyboard: true, alt: html.title });
  const [west, south, east, north] = cluster.bbox;
  m.on("click", () => map.fitBounds([[south, west], [north, east]]));
  return m;
}

function shortCount(n) {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return String(n);
}

// A cluster in the colour of its most frequent event type (the legend's palette), with a ring
// showing how mixed it is, and its count.
function clusterIcon(cluster) {
  const L = window.L;
  const counts = new Map();
  for (const child of cluster.getAllChildMarkers()) {
    const type = child.options.eventType || null;
    counts.set(type, (counts.get(type) || 0) + 1);
  }
  const [dominant, most] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const total = cluster.getChildCount();
  const size = total < 10 ? 30 : total < 50 ? 36 : 44;
  const html = document.createElement("div");
  html.className = "ev-cluster-inner";
  html.style.background = typeColour(dominant);
  html.style.borderColor = most === total ? "#fff" : "#222";
  html.append(Object.assign(document.createElement("span"), { textContent: String(total) }));
  html.title = `${total} events, mostly ${dominant || "not an ACLED type"}`;
  return L.divIcon({
    html,
    className: `marker-cluster ev-cluster t-${typeSlug(dominant)}`,
    iconSize: [size, size],
  });
}

async function loadBasemap(map) {
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  if (!response.ok) return;
  const topology = await response.json();
  const countries = window.topojson.feature(topology, topology.objects.countries);
  const layer = window.L.geoJSON(unwrapFeatures(countries), {
    interactive: false,
    style: { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 },
  });
  layer.addTo(map).bringToBack();
}

const ADMIN1_URL = "/static/vendor/admin1/admin1-borders.json";
const ADMIN1_FROM_ZOOM = 5;

// The borders between first-level areas (provinces, states, oblasts: Natural Earth, built at
// setup), loaded the first time the map zooms in far enough, and shown from that zoom on. A
// page without the file (an older setup) shows country borders only.
function showAdmin1(map) {
  const L = window.L;
  let layer = null;
  let loading = null;
  const load = () => {
    loading ||= fetch(ADMIN1_URL)
      .then((response) => (response.ok ? response.json() : null))
      .then((lines) => {
        if (!lines) return;
        layer = L.geoJSON(lines, {
          interactive: false,
          style: { color: "#a39e93", weight: 0.8, dashArray: "3 3", opacity: 0.9 },
        });
        update();
      })
      .catch((error) => console.error(error));
  };
  const update = () => {
    const wanted = map.getZoom() >= ADMIN1_FROM_ZOOM;
    if (wanted && !layer) load();
    if (!layer) return;
    if (wanted && !map.hasLayer(layer)) layer.addTo(map);
    if (!wanted && map.hasLayer(layer)) layer.remove();
    map.getContainer().dataset.admin1 = String(map.hasLayer(layer));
  };
  map.on("zoomend", update);
  update();
}

// world-atlas is made for spherical projections: a ring that crosses the antimeridian jumps from
// +180° to -180° longitude, and Antarctica's ring goes once around the South Pole without
// closing over it. Drawn flat by Leaflet, the jumps become lines (and land-coloured bands) across
// the whole map. Here each ring is unwrapped (each jump over 180° of longitude undone), a ring
// that goes around a pole is closed over it, and a polygon that ends up past ±180° is drawn again
// one world over, so that it shows on both sides of the antimeridian.
export function unwrapFeatures(collection) {
  return {
    type: "FeatureCollection",
    features: collection.features.filter((f) => f.geometry).map((f) => ({
      ...f,
      geometry: unwrapGeometry(f.geometry),
    })),
  };
}

function unwrapGeometry(geometry) {
  let polygons;
  if (geometry.type === "Polygon") polygons = [geometry.coordinates];
  else if (geometry.type === "MultiPolygon") polygons = geometry.coordinates;
  else return geometry;
  return { type: "MultiPolygon", coordinates: polygons.flatMap(unwrapPolygon) };
}

function unwrapRing(ring) {
  const out = [];
  let previous = null;
  for (const [lon0, lat] of ring) {
    let lon = lon0;
    if (previous !== null) {
      while (lon - previous > 180) lon -= 360;
      while (lon - previous < -180) lon += 360;
    }
    out.push([lon, lat]);
    previous = lon;
  }
  return out;
}

// Closes a ring that goes once around a pole: down (or up) to the pole along its last
// longitude, across, and back along its first.
function closeOverPole(ring) {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (Math.abs(last[0] - first[0]) < 180) return ring;
  const meanLat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  return [...ring, [last[0], pole], [first[0], pole], first];
}

function shifted(rings, by) {
  return rings.map((ring) => ring.map(([lon, lat]) => [lon + by, lat]));
}

// A ring that only runs around a pole (world-atlas gives Antarctica one, at -89.999°).
const aroundPole = (ring) => ring.every(([, lat]) => Math.abs(lat) > 89.9);

function unwrapPolygon(rings) {
  // Every ring unwrapped and, where it goes around a pole, closed over it; Antarctica's coast
  // comes as such a ring (a hole in one around the pole itself, which is dropped).
  const closed = rings.filter((r) => r.length && !aroundPole(r)).map((r) => closeOverPole(unwrapRing(r)));
  if (!closed.length) return [];
  const [outer, ...rest] = closed;
  const centre = outer[0][0];
  const holes = rest.map((hole) => {
    const by = Math.round((centre - hole[0][0]) / 360) * 360;
    return by ? hole.map(([lon, lat]) => [lon + by, lat]) : hole;
  });
  let polygon = [outer, ...holes];
  // Bring the polygon into [-180, 180] as far as it goes.
  const lons = outer.map((p) => p[0]);
  let [min, max] = [Math.min(...lons), Math.max(...lons)];
  const by = min >= 180 ? -360 : max <= -180 ? 360 : 0;
  if (by) {
    polygon = shifted(polygon, by);
    [min, max] = [min + by, max + by];
  }
  const copies = [polygon];
  if (max > 180) copies.push(shifted(polygon, -360));
  if (min < -180) copies.push(shifted(polygon, 360));
  return copies;
}
