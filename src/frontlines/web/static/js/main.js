// The page: filters, map, timeline, panel and actor graph, all fed by the HTTP API.

import { ApiError, getJSON, setToken } from "./api.js";
import { el, typeColour, TYPE_COLOURS } from "./dom.js";
import { drawGraph } from "./graph.js";
import { createMap } from "./map.js";
import { renderActor, renderArticle, renderEdge, renderEvent } from "./panel.js";
import { createTimeline } from "./timeline.js";

const PAGE = 10000;
const $ = (id) => document.getElementById(id);

const state = { filters: {}, range: null, graphDrawn: false, loadId: 0 };
let map = null;
let timeline = null;

function setStatus(text, ready = false) {
  $("status").textContent = text;
  document.body.dataset.state = ready ? "ready" : "loading";
}

function fail(error) {
  console.error(error);
  if (error instanceof ApiError && error.status === 401) {
    $("token-form").hidden = false;
    setStatus("This server asks for an API token.");
    return;
  }
  setStatus(`Error: ${error && error.message ? error.message : error}`);
  document.body.dataset.state = "error";
}

const handlers = {
  onArticle: (id) => showArticle(id).catch(fail),
  onEvent: (id) => showEvent(id).catch(fail),
};

// Deep links: #event=ID or #article=ID open that in the panel.
function setHash(kind, id) {
  history.replaceState(null, "", `#${kind}=${encodeURIComponent(id)}`);
}

async function openFromHash() {
  const match = /^#(event|article)=(.+)$/.exec(window.location.hash);
  if (!match) return;
  const id = decodeURIComponent(match[2]);
  await (match[1] === "event" ? showEvent(id) : showArticle(id));
}

async function showEvent(id) {
  setHash("event", id);
  renderEvent($("panel"), await getJSON(`/api/events/${encodeURIComponent(id)}`), handlers);
}

async function showArticle(id) {
  setHash("article", id);
  renderArticle($("panel"), await getJSON(`/api/articles/${encodeURIComponent(id)}`), handlers);
}

async function showActor(id) {
  renderActor($("panel"), await getJSON(`/api/actors/${encodeURIComponent(id)}`), handlers);
}

async function showEdge(edge) {
  const found = await getJSON("/api/relations", { actor: edge.source, type: edge.type, context: true });
  const items = found.items.filter((r) => r.source === edge.source && r.target === edge.target);
  renderEdge($("panel"), { ...edge, items: items.length ? items : edge.items }, handlers);
}

function queryParams() {
  const params = { ...state.filters };
  if (state.range) {
    params.date_from = state.range.from;
    params.date_to = state.range.to;
  }
  return params;
}

async function loadStats() {
  const stats = await getJSON("/api/stats", state.filters);
  timeline.draw(stats.by_day);
  const banner = $("fictional-banner");
  banner.hidden = stats.fictional === 0;
  banner.textContent = `FICTIONAL: ${stats.fictional} of the ${stats.total} events shown come from invented demo articles, not real reporting.`;
  return stats;
}

async function loadEvents() {
  const loadId = ++state.loadId;
  const features = [];
  let unlocated = 0;
  let total = 0;
  for (let offset = 0; ; offset += PAGE) {
    setStatus(`Loading events… ${features.length}${total ? ` of ${total}` : ""}`);
    const page = await getJSON("/api/events", { ...queryParams(), format: "geojson", limit: PAGE, offset });
    if (loadId !== state.loadId) return;
    features.push(...page.features);
    unlocated += page.unlocated;
    total = page.total;
    if (offset + PAGE >= page.total) break;
  }
  setStatus(`Drawing ${features.length} events…`);
  await map.setEvents(features); // resolves once the map has settled
  if (loadId !== state.loadId) return; // a newer load took over
  const fictional = features.filter((f) => f.properties.fictional).length;
  document.body.dataset.events = String(features.length);
  setStatus(
    `${features.length} events on the map`
      + (unlocated ? `, ${unlocated} without coordinates` : "")
      + (fictional ? ` (${fictional} FICTIONAL)` : "")
      + (state.range ? `, ${state.range.from} to ${state.range.to}` : ""),
    true,
  );
}

function fillSelect(select, items, label) {
  const current = select.value;
  select.replaceChildren(select.options[0]);
  for (const item of items) {
    if (item.key === null) continue;
    select.append(el("option", { text: `${item.key} (${item.count})`, attrs: { value: item.key } }));
  }
  select.value = current;
  select.setAttribute("aria-label", label);
}

async function loadOptions() {
  const [stats, actors] = await Promise.all([
    getJSON("/api/stats"),
    getJSON("/api/actors", { limit: 1000 }),
  ]);
  const types = $("f-type");
  if (types.options.length === 1) {
    for (const type of Object.keys(TYPE_COLOURS)) types.append(el("option", { text: type, attrs: { value: type } }));
  }
  fillSelect($("f-country"), stats.by_country, "country");
  fillSelect($("f-source"), stats.by_source, "source");
  $("actor-list").replaceChildren(...actors.items.map((a) => el("option", { attrs: { value: a.name } })));
  const legend = $("legend");
  if (legend.childElementCount) return;
  for (const type of [...Object.keys(TYPE_COLOURS), null]) {
    const swatch = el("span", { cls: "swatch" });
    swatch.style.background = typeColour(type);
    legend.append(el("span", { cls: "legend-item" }, swatch, type || "not an ACLED type"));
  }
}

async function refresh() {
  state.filters = {
    event_type: $("f-type").value,
    actor: $("f-actor").value.trim(),
    country: $("f-country").value,
    source: $("f-source").value,
  };
  await loadStats();
  await loadEvents();
}

function showView(name) {
  const graph = name === "graph";
  $("map-view").hidden = graph;
  $("graph-view").hidden = !graph;
  $("tab-map").classList.toggle("active", !graph);
  $("tab-graph").classList.toggle("active", graph);
  $("tab-map").setAttribute("aria-pressed", String(!graph));
  $("tab-graph").setAttribute("aria-pressed", String(graph));
  if (!graph) map.map.invalidateSize();
  if (graph && !state.graphDrawn) {
    state.graphDrawn = true;
    getJSON("/api/relations", { limit: 10000 })
      .then((page) => drawGraph($("graph"), $("graph-legend"), page.items, {
        onEdge: (edge) => showEdge(edge).catch(fail),
        onNode: (id) => showActor(id).catch(fail),
      }))
      .catch(fail);
  }
}

async function start() {
  if (!window.L || !window.L.markerClusterGroup || !window.topojson) {
    setStatus("The map's files are missing: run `make web` (or npm ci in web/) and reload.");
    document.body.dataset.state = "error";
    return;
  }
  map = createMap($("map"), { onEventClick: handlers.onEvent });
  timeline = createTimeline($("timeline"), {
    onRange: (range) => {
      state.range = range;
      $("range-label").textContent = range ? `Dates: ${range.from} to ${range.to}` : "All dates";
      loadEvents().catch(fail);
    },
  });
  for (const id of ["f-type", "f-country", "f-source", "f-actor"]) {
    $(id).addEventListener("change", () => refresh().catch(fail));
  }
  $("f-clear").addEventListener("click", () => {
    for (const id of ["f-type", "f-country", "f-source", "f-actor"]) $(id).value = "";
    state.range = null;
    timeline.clearRange();
    $("range-label").textContent = "All dates";
    refresh().catch(fail);
  });
  $("tiles-toggle").addEventListener("change", (event) => map.setTiles(event.target.checked));
  $("tab-map").addEventListener("click", () => showView("map"));
  $("tab-graph").addEventListener("click", () => showView("graph"));
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setToken($("token-input").value);
    $("token-form").hidden = true;
    boot().catch(fail);
  });
  await boot();
}

async function boot() {
  await loadOptions();
  await openFromHash();
  await refresh();
}

start().catch(fail);
