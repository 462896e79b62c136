// The actor graph: who supports, fights or controls whom. A small force layout (repulsion,
// springs, gravity) computed in a fixed number of steps, then drawn once as SVG.

import { clear, el, svg } from "./dom.js";

export const EDGE_COLOURS = {
  supports: "#2ca02c",
  allied_with: "#17becf",
  fights: "#d62728",
  controlled_by: "#1f77b4",
  part_of: "#9467bd",
  accuses: "#bcbd22",
  sanctions: "#8c564b",
  negotiates_with: "#7f7f7f",
};
const MAX_NODES = 300;

// Relations (as the API gives them) into nodes and edges; one edge per (source, type, target).
export function buildGraph(relations) {
  const nodes = new Map();
  const edges = new Map();
  for (const r of relations) {
    for (const [id, name] of [[r.source, r.source_name], [r.target, r.target_name]]) {
      const node = nodes.get(id) || { id, name: name || id, degree: 0, fictional: true };
      node.degree += 1;
      node.fictional = node.fictional && r.article.fictional;
      nodes.set(id, node);
    }
    const key = `${r.source}\u0000${r.type}\u0000${r.target}`;
    const edge = edges.get(key) || {
      source: r.source, target: r.target, type: r.type,
      sourceName: r.source_name || r.source, targetName: r.target_name || r.target, items: [],
    };
    edge.items.push(r);
    edges.set(key, edge);
  }
  const kept = [...nodes.values()].sort((a, b) => b.degree - a.degree).slice(0, MAX_NODES);
  const ids = new Set(kept.map((n) => n.id));
  return { nodes: kept, edges: [...edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

// Fruchterman-Reingold with gravity, then scaled to fit the box (labels need room on the right).
function layout(nodes, edges, width, height) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const k = Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.5;
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length;
    n.x = Math.cos(angle) * k * 2;
    n.y = Math.sin(angle) * k * 2;
  });
  const steps = 300;
  for (let step = 0; step < steps; step += 1) {
    const heat = k * 2 * (1 - step / steps) + 0.5;
    const disp = nodes.map((n) => [-n.x * 0.3, -n.y * 0.3]);
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const dx = nodes[i].x - nodes[j].x || 0.01;
        const dy = nodes[i].y - nodes[j].y || 0.01;
        const d = Math.max(Math.hypot(dx, dy), 0.01);
        const push = (k * k) / d / d;
        disp[i][0] += dx * push; disp[i][1] += dy * push;
        disp[j][0] -= dx * push; disp[j][1] -= dy * push;
      }
    }
    for (const e of edges) {
      const [a, b] = [index.get(e.source), index.get(e.target)];
      if (a === b) continue;
      const dx = nodes[a].x - nodes[b].x;
      const dy = nodes[a].y - nodes[b].y;
      const pull = Math.hypot(dx, dy) / k;
      disp[a][0] -= dx * pull; disp[a][1] -= dy * pull;
      disp[b][0] += dx * pull; disp[b][1] += dy * pull;
    }
    nodes.forEach((n, i) => {
      const len = Math.max(Math.hypot(disp[i][0], disp[i][1]), 0.01);
      const move = Math.min(len, heat) / len;
      n.x += disp[i][0] * move;
      n.y += disp[i][1] * move;
    });
  }
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [left, right, top, bottom] = [40, width - 200, 30, height - 30];
  for (const n of nodes) {
    n.x = maxX > minX ? left + ((n.x - minX) / (maxX - minX)) * (right - left) : width / 2;
    n.y = maxY > minY ? top + ((n.y - minY) / (maxY - minY)) * (bottom - top) : height / 2;
  }
}

export function drawGraph(container, legend, relations, { onEdge, onNode }) {
  clear(container);
  clear(legend);
  for (const [type, colour] of Object.entries(EDGE_COLOURS)) {
    const swatch = el("span", { cls: "swatch" });
    swatch.style.background = colour;
    legend.append(el("span", { cls: "legend-item" }, swatch, type.replace("_", " ")));
  }
  legend.append(el("span", { cls: "legend-item fictional-note", text: "dashed red ring: actor seen only in FICTIONAL articles" }));
  const { nodes, edges } = buildGraph(relations);
  if (!nodes.length) {
    container.append(el("p", { cls: "muted", text: "No relations between actors are stored yet." }));
    return;
  }
  const width = Math.max(container.clientWidth, 400);
  const height = Math.max(container.clientHeight, 400);
  layout(nodes, edges, width, height);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = svg("svg", { width, height, class: "graph-svg" });
  const defs = svg("defs");
  for (const [type, colour] of Object.entries(EDGE_COLOURS)) {
    const marker = svg("marker", {
      id: `arrow-${type}`, viewBox: "0 0 10 10", refX: 18, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse",
    });
    marker.append(svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour }));
    defs.append(marker);
  }
  root.append(defs);
  for (const edge of edges) {
    const [a, b] = [byId.get(edge.source), byId.get(edge.target)];
    const group = svg("g", { class: `edge edge-${edge.type}`, tabindex: 0, role: "button" });
    group.dataset.source = edge.source;
    group.dataset.target = edge.target;
    group.dataset.type = edge.type;
    const colour = EDGE_COLOURS[edge.type] || "#999";
    group.append(
      svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: colour,
        "stroke-width": Math.min(1.5 + edge.items.length, 6), "marker-end": `url(#arrow-${edge.type})` }),
      svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "hit" }),
    );
    const title = svg("title");
    title.textContent = `${edge.sourceName} ${edge.type} ${edge.targetName} (${edge.items.length})`;
    group.append(title);
    group.addEventListener("click", () => onEdge(edge));
    group.addEventListener("keydown", (event) => { if (event.key === "Enter") onEdge(edge); });
    root.append(group);
  }
  for (const node of nodes) {
    const group = svg("g", { class: `node${node.fictional ? " fictional" : ""}`, transform: `translate(${node.x},${node.y})` });
    group.dataset.actorId = node.id;
    group.append(svg("circle", { r: 7 + Math.min(node.degree, 8) }));
    const label = svg("text", { x: 12, y: 4 });
    label.textContent = node.name;
    group.append(label);
    group.addEventListener("click", () => onNode(node.id));
    root.append(group);
  }
  container.append(root);
}
