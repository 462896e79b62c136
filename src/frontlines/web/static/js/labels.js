// Place labels on the offline basemap: the server's labels for the view (countries zoomed out,
// first-level areas in between, towns and villages zoomed in: GeoNames, CC BY 4.0), placed
// largest first; a label that would overlap one already placed is left out, so they thin out
// by themselves. Fetched again after each move, a moment after the map stops.

import { getJSON } from "./api.js";

const FONTS = {
  country: "600 12px system-ui, sans-serif",
  admin1: "italic 11px system-ui, sans-serif",
  city: "11px system-ui, sans-serif",
  bigCity: "600 12px system-ui, sans-serif",
};
const BIG_CITY = 1_000_000;
const GAP = 3; // pixels kept free around each label
const DOT = 8; // a city's dot and the space before its name
const MAX_PLACED = 150;

function measurer() {
  const context = document.createElement("canvas").getContext("2d");
  return (text, font) => {
    if (!context) return text.length * 7;
    context.font = font;
    return context.measureText(text).width;
  };
}

// The largest cities first, then countries, then the other cities by population, then
// first-level areas where room is left.
const MEGACITY = 5_000_000;
function order(items) {
  const weight = (item) => (item.kind === "city" ? (item.population >= MEGACITY ? 0 : 2) : item.kind === "country" ? 1 : 3);
  return [...items].sort((a, b) => weight(a) - weight(b) || b.population - a.population);
}

const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function createLabels(map) {
  const L = window.L;
  const pane = map.createPane("labels");
  pane.style.zIndex = 450; // above the borders (400), below the events (600)
  pane.style.pointerEvents = "none";
  const layer = L.layerGroup().addTo(map);
  const measure = measurer();
  let request = 0;
  let timer = null;

  function place(items) {
    layer.clearLayers();
    const size = map.getSize();
    const boxes = [];
    let placed = 0;
    for (const item of order(items)) {
      if (placed >= MAX_PLACED) break;
      const font = item.kind === "city" ? (item.population >= BIG_CITY ? FONTS.bigCity : FONTS.city) : FONTS[item.kind];
      const text = item.kind === "country" ? item.name.toUpperCase() : item.name;
      const width = measure(text, font) + (item.kind === "city" ? DOT : 0);
      const p = map.latLngToContainerPoint([item.latitude, item.longitude]);
      const height = 14;
      // a city's dot sits on its point with the name to the right; areas are centred
      const x0 = item.kind === "city" ? p.x - 3 : p.x - width / 2;
      const box = { x0: x0 - GAP, y0: p.y - height / 2 - GAP, x1: x0 + width + GAP, y1: p.y + height / 2 + GAP };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > size.x || box.y1 > size.y) continue;
      if (boxes.some((other) => overlaps(box, other))) continue;
      boxes.push(box);
      placed += 1;
      const node = document.createElement("div");
      node.className = `place-label k-${item.kind}${item.population >= BIG_CITY ? " big" : ""}`;
      node.style.font = font;
      if (item.kind === "city") node.append(Object.assign(document.createElement("span"), { className: "dot" }));
      node.append(document.createTextNode(text)); // text only, never HTML
      const anchor = item.kind === "city" ? [3, height / 2] : [width / 2, height / 2];
      const icon = L.divIcon({ html: node, className: "place-label-icon", iconSize: [width, height], iconAnchor: anchor });
      L.marker([item.latitude, item.longitude], { icon, pane: "labels", interactive: false, keyboard: false }).addTo(layer);
    }
    map.getContainer().dataset.labels = String(placed);
  }

  async function update() {
    const id = ++request;
    const bounds = map.getBounds();
    const west = Math.max(-180, bounds.getWest());
    const east = Math.min(180, bounds.getEast());
    const south = Math.max(-85, bounds.getSouth());
    const north = Math.min(85, bounds.getNorth());
    if (west >= east || south >= north) return;
    const fixed = (value) => value.toFixed(4);
    try {
      const body = await getJSON("/api/basemap/labels", {
        bbox: [west, south, east, north].map(fixed).join(","),
        zoom: map.getZoom(),
      });
      if (id === request) place(body.items);
    } catch (error) {
      console.error(error); // the map stays usable without its labels
    }
  }

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  };
  map.on("moveend", later);
  map.attributionControl.addAttribution("Places: GeoNames (CC BY 4.0)");
  later();
  return { update };
}
