// The page: filters, map, timeline, panel and actor graph, all fed by the HTTP API.

import { ApiError, getJSON, setToken } from "./api.js";
import { CERTAINTIES, el, SUB_TYPES, typeColour, TYPE_COLOURS } from "./dom.js";
import { drawGraph } from "./graph.js";
import { createMap } from "./map.js";
import { renderActor, renderArticle, renderEdge, renderEvent } from "./panel.js";
import { createTimeline } from "./timeline.js";

const PAGE = 10000;
// Above this many located events the map shows the server's clusters (the density of every
// matching event, GET /api/clusters), and a view's events once it holds no more than this.
const DETAIL_LIMIT = window.frontlinesDetailLimit || PAGE;
const $ = (id) => document.getElementById(id);

const state = { filters: {}, range: null, graphDrawn: false, loadId: 0, dense: false, viewId: 0, fitting: false };
// Each filter input and the API parameter it sets (the names the CLI uses too).
const FILTER_INPUTS = {
  "f-type": "type",
  "f-sub-type": "sub_type",
  "f-min-fatalities": "min_fatalities",
  "f-certainty": "certainty",
  "f-text": "text",
  "f-actor": "actor",
  "f-country": "country",
  "f-source": "source",
};
let map = null;
let timeline = null;

const events = (n) => `${n} event${n === 1 ? "" : "s"}`;

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
  onFollowActor: (name) => followActor(name),
};

// Following an actor (from its panel) makes it the actor filter: every view narrows to it.
function followActor(name) {
  $("f-actor").value = name;
  refresh().catch(fail);
}

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
  if (map) map.select(id);
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
  const params = {};
  for (const [name, value] of Object.entries(state.filters)) if (value !== "") params[name] = value;
  if (state.range) {
    params.from = state.range.from;
    params.to = state.range.to;
  }
  return params;
}

// The filters and dates live in the URL's query, so that a link shows the same view.
function writeUrl() {
  const query = new URLSearchParams(queryParams()).toString();
  history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`);
  // CSV and Parquet stream every matching event; GeoJSON is a page, as large as the API allows
  const exports = [["export-csv", { format: "csv" }], ["export-parquet", { format: "parquet" }],
    ["export-geojson", { format: "geojson", limit: PAGE }]];
  for (const [id, extra] of exports) {
    const link = new URL("/api/events", window.location.origin);
    for (const [name, value] of Object.entries({ ...queryParams(), ...extra })) {
      link.searchParams.set(name, value);
    }
    $(id).href = link.pathname + link.search;
  }
}

function readUrl() {
  const query = new URLSearchParams(window.location.search);
  for (const [id, name] of Object.entries(FILTER_INPUTS)) {
    const value = query.get(name);
    if (value === null) continue;
    const input = $(id);
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === value)) {
      input.append(el("option", { text: value, attrs: { value } }));
    }
    input.value = value;
  }
  const from = query.get("from");
  const to = query.get("to");
  state.range = from && to ? { from, to } : null;
  if (state.range) $("range-label").textContent = `Dates: ${from} to ${to}`;
}

async function loadStats() {
  // The timeline shows every date under the other filters; the banner counts what is shown.
  const stats = await getJSON("/api/stats", state.filters);
  timeline.draw(stats.by_day);
  const shown = state.range ? await getJSON("/api/stats", queryParams()) : stats;
  // what the timeline stands for: the days in the range (and, with no range, the undated too)
  const days = shown.by_day.reduce((sum, day) => sum + day.count, 0);
  $("timeline").dataset.total = String(days + (state.range ? 0 : shown.undated));
  const banner = $("fictional-banner");
  banner.hidden = shown.fictional === 0;
  banner.dataset.total = String(shown.total);
  banner.textContent = `FICTIONAL: ${shown.fictional} of the ${events(shown.total)} shown come from invented demo articles, not real reporting.`;
  return shown;
}

async function loadEvents() {
  const loadId = ++state.loadId;
  setStatus("Loading events…");
  const overview = await getJSON("/api/clusters", { ...queryParams(), zoom: map.map.getZoom() });
  if (loadId !== state.loadId) return;
  state.dense = overview.total > DETAIL_LIMIT;
  if (state.dense) {
    await showDensity(overview, loadId);
    return;
  }
  document.body.dataset.mode = "events";
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
  document.body.dataset.total = String(total);
  writeUrl();
  await dropStaleEvent(new Set(features.map((f) => f.id)));
  setStatus(
    `${events(features.length)} on the map`
      + (unlocated ? `, ${unlocated} without coordinates` : "")
      + (fictional ? ` (${fictional} FICTIONAL)` : "")
      + (state.range ? `, ${state.range.from} to ${state.range.to}` : ""),
    true,
  );
}

const dates = () => (state.range ? `, ${state.range.from} to ${state.range.to}` : "");

// Too many events to load: their count per square of the map, whole store at once.
async function showDensity(overview, loadId) {
  setStatus(`Drawing the density of ${events(overview.total)}…`);
  state.fitting = true;
  try {
    await map.setClusters(overview.clusters);
  } finally {
    state.fitting = false;
  }
  if (loadId !== state.loadId) return;
  document.body.dataset.events = String(overview.total);
  document.body.dataset.total = String(overview.total);
  document.body.dataset.mode = "clusters";
  writeUrl();
  setStatus(`${events(overview.total)} on the map, counted per square: zoom in to see them${dates()}`, true);
}

// While the store is too large to load whole, each move of the map asks again: the clusters of
// the view, or its events once they are few enough.
async function loadView() {
  if (!state.dense || state.fitting) return;
  const viewId = ++state.viewId;
  const loadId = state.loadId;
  const stale = () => viewId !== state.viewId || loadId !== state.loadId;
  const params = { ...queryParams(), bbox: map.viewBbox() };
  setStatus("Loading this view…");
  const view = await getJSON("/api/clusters", { ...params, zoom: map.map.getZoom() });
  if (stale()) return;
  if (view.total > DETAIL_LIMIT) {
    await map.setClusters(view.clusters);
    if (stale()) return;
    document.body.dataset.mode = "clusters";
    setStatus(`${events(view.total)} in this view, counted per square: zoom in to see them${dates()}`, true);
    return;
  }
  const page = await getJSON("/api/events", { ...params, format: "geojson", limit: DETAIL_LIMIT });
  if (stale()) return;
  await map.setEvents(page.features);
  if (stale()) return;
  document.body.dataset.mode = "events";
  setStatus(`${events(page.features.length)} in this view${dates()}`, true);
}

// The panel never keeps an event the filters no longer show.
async function dropStaleEvent(shown) {
  const match = /^#event=(.+)$/.exec(window.location.hash);
  if (!match || shown.has(decodeURIComponent(match[1]))) return;
  const located = await getJSON("/api/events", { ...queryParams(), limit: PAGE });
  if (located.items.some((item) => item.id === decodeURIComponent(match[1]))) return;
  history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  map.select(null);
  $("panel").replaceChildren(el("p", { cls: "muted", text: "The event shown before is not among the events these filters show." }));
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
    for (const value of CERTAINTIES) $("f-certainty").append(el("option", { text: value, attrs: { value } }));
    fillSubTypes();
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

// The sub-types of the chosen type (every sub-type when no type is chosen).
function fillSubTypes() {
  const select = $("f-sub-type");
  const current = select.value;
  const type = $("f-type").value;
  const groups = type ? { [type]: SUB_TYPES[type] || [] } : SUB_TYPES;
  select.replaceChildren(select.options[0]);
  for (const subs of Object.values(groups)) {
    for (const sub of subs) select.append(el("option", { text: sub, attrs: { value: sub } }));
  }
  select.value = [...select.options].some((o) => o.value === current) ? current : "";
}

async function refresh({ refit = true } = {}) {
  state.filters = {};
  for (const [id, name] of Object.entries(FILTER_INPUTS)) state.filters[name] = $(id).value.trim();
  if (refit) map.refit();
  await loadStats();
  await loadEvents();
  await redrawGraph();
}

// The graph is drawn again for the new filters now if it is shown, else when it is next shown.
async function redrawGraph() {
  state.graphDrawn = false;
  if (!$("graph-view").hidden) await drawActorGraph();
}

// The articles behind the events the filters show (every report's, not only the lead's).
async function shownArticles() {
  const articles = new Set();
  let total = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = await getJSON("/api/events", { ...queryParams(), limit: PAGE, offset });
    for (const item of page.items) {
      articles.add(item.article.id);
      for (const report of item.reports || []) articles.add(report.article.id);
      for (const origin of item.origins || []) for (const id of origin.articles) articles.add(id);
    }
    total = page.total;
    if (offset + PAGE >= page.total) break;
  }
  return { articles, total };
}

// The graph follows the filters: the relations told in the articles behind the events shown,
// and with an actor filter only the edges with that actor at either end.
async function drawActorGraph() {
  state.graphDrawn = true;
  const loadId = state.loadId;
  document.body.dataset.state = "loading";
  // with no filter at all, every stored relation (articles without events included)
  const filtered = Object.keys(queryParams()).length > 0;
  const [{ articles, total }, stored] = await Promise.all([
    shownArticles(),
    getJSON("/api/relations", { limit: 10000 }),
  ]);
  if (loadId !== state.loadId) return; // the filters changed meanwhile: a newer draw follows
  const items = stored.items.filter((r) => (!filtered || articles.has(r.article.id)) && byActor(r));
  const graph = $("graph");
  drawGraph(graph, $("graph-legend"), items, {
    onEdge: (edge) => showEdge(edge).catch(fail),
    onNode: (id) => showActor(id).catch(fail),
  });
  graph.dataset.events = String(total);
  graph.dataset.relations = String(items.length);
  const relations = `${items.length} relation${items.length === 1 ? "" : "s"}`;
  $("graph-note").textContent = filtered
    ? `${relations} from the articles behind the ${events(total)} shown`
    : `${relations} from every stored article (${events(total)})`;
  document.body.dataset.state = "ready";
}

// The actor filter applies to the graph too: edges with a matching actor at either end.
function byActor(relation) {
  const wanted = (state.filters.actor || "").toLowerCase();
  if (!wanted) return true;
  return [relation.source, relation.target, relation.source_name, relation.target_name]
    .some((value) => value && String(value).toLowerCase().includes(wanted));
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
  if (graph && !state.graphDrawn) drawActorGraph().catch(fail);
}

async function start() {
  if (!window.L || !window.L.markerClusterGroup || !window.topojson) {
    setStatus("The map's files are missing: run `make web` (or npm ci in web/) and reload.");
    document.body.dataset.state = "error";
    return;
  }
  map = createMap($("map"), { onEventClick: handlers.onEvent });
  map.map.on("moveend", () => loadView().catch(fail));
  timeline = createTimeline($("timeline"), {
    onRange: (range) => {
      state.range = range;
      $("range-label").textContent = range ? `Dates: ${range.from} to ${range.to}` : "All dates";
      loadStats().then(loadEvents).then(redrawGraph).catch(fail);
    },
  });
  $("f-type").addEventListener("change", fillSubTypes);
  for (const id of Object.keys(FILTER_INPUTS)) {
    $(id).addEventListener("change", () => refresh().catch(fail));
  }
  $("f-clear").addEventListener("click", () => {
    for (const id of Object.keys(FILTER_INPUTS)) $(id).value = "";
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
  readUrl();
  await openFromHash();
  await refresh();
}

start().catch(fail);
