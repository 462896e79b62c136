// The actor graph: who supports, fights or controls whom. A small force layout (repulsion,
// springs, gravity, no overlapping labels, all inside the viewport) computed in a fixed number of
// steps, then drawn once as SVG.

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

const MAX_LABEL_PX = 170;
const LABEL_GAP = 4;
const PAD = 8; // kept free around each node's box, and along the viewport's edges

// A function that measures text as the graph draws it (12px in the page's font).
function textMeasurer(container) {
  const context = document.createElement("canvas").getContext("2d");
  const family = getComputedStyle(container).fontFamily || "system-ui, sans-serif";
  if (!context) return (text) => text.length * 7;
  context.font = `12px ${family}`;
  return (text) => context.measureText(text).width;
}

// `name` cut (with an ellipsis) to fit `max` pixels.
function fitLabel(name, max, measure) {
  if (measure(name) <= max) return name;
  let [low, high] = [0, name.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${name.slice(0, mid).trimEnd()}…`) <= max) low = mid;
    else high = mid - 1;
  }
  return `${name.slice(0, low).trimEnd()}…`;
}

// Each node's circle and label as a box around (x, y): the label sits right of the circle.
export function sizeNodes(nodes, measure) {
  for (const n of nodes) {
    n.r = 7 + Math.min(n.degree, 8);
    n.label = fitLabel(n.name, MAX_LABEL_PX, measure);
    n.labelWidth = measure(n.label);
    n.left = n.r;
    n.right = n.r + LABEL_GAP + n.labelWidth;
    n.half = Math.max(n.r, 9);
  }
}

const centreX = (n) => n.x + (n.right - n.left) / 2;

function keepInside(n, width, height) {
  n.x = Math.min(Math.max(n.x, n.left + PAD), Math.max(width - n.right - PAD, n.left + PAD));
  n.y = Math.min(Math.max(n.y, n.half + PAD), Math.max(height - n.half - PAD, n.half + PAD));
}

// Pushes apart every two nodes whose boxes (with PAD around them) overlap, along the axis where
// they overlap least; a few rounds, keeping every node inside the viewport.
function separate(nodes, width, height, rounds) {
  for (let round = 0; round < rounds; round += 1) {
    let moved = false;
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const [a, b] = [nodes[i], nodes[j]];
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + PAD;
        const overlapY = Math.min(a.y + a.half, b.y + b.half) - Math.max(a.y - a.half, b.y - b.half) + PAD;
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        if (overlapY <= overlapX) {
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += (sign * overlapY) / 2;
          b.y -= (sign * overlapY) / 2;
        } else {
          const sign = centreX(a) < centreX(b) ? -1 : 1;
          a.x += (sign * overlapX) / 2;
          b.x -= (sign * overlapX) / 2;
        }
        keepInside(a, width, height);
        keepInside(b, width, height);
      }
    }
    if (!moved) return;
  }
}

// Fruchterman-Reingold with gravity, in the viewport's own pixels: repulsion between the centres
// of the nodes' boxes (circle and label), stronger for wide labels; springs along the edges; every
// node kept inside the viewport; then overlapping boxes pushed apart.
export function layout(nodes, edges, width, height) {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const k = Math.max(Math.sqrt((width * height) / Math.max(nodes.length, 1)) * 0.25, 20);
  const [cx, cy] = [width / 2, height / 2];
  nodes.forEach((n, i) => {
    // A deterministic spiral start, so the same relations give the same picture.
    const angle = i * 2.399963;
    const radius = Math.sqrt((i + 0.5) / nodes.length) * Math.min(width, height) * 0.45;
    n.x = cx + Math.cos(angle) * radius - (n.right - n.left) / 2;
    n.y = cy + Math.sin(angle) * radius;
    keepInside(n, width, height);
  });
  const steps = 300;
  const gravity = 1; // strong enough to hold the disconnected pairs and triples together
  for (let step = 0; step < steps; step += 1) {
    const heat = (Math.min(width, height) / 8) * (1 - step / steps) + 1;
    const disp = nodes.map((n) => [(cx - centreX(n)) * gravity, (cy - n.y) * gravity * 1.5]);
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const [a, b] = [nodes[i], nodes[j]];
        const dx = centreX(a) - centreX(b) || 0.01 * (i - j);
        const dy = a.y - b.y || 0.01 * (j - i);
        const d = Math.max(Math.hypot(dx, dy), 1);
        // Wide labels need more room: scale the repulsion by the boxes' half widths.
        const reach = k + (a.right + a.left + b.right + b.left) / 8;
        const push = (reach * reach) / d / d;
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
      keepInside(n, width, height);
    });
    if (step % 30 === 29) separate(nodes, width, height, 3);
  }
  separate(nodes, width, height, 200);
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
  sizeNodes(nodes, textMeasurer(container));
  layout(nodes, edges, width, height);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const root = svg("svg", { width, height, class: "graph-svg" });
  const defs = svg("defs");
  for (const [type, colour] of Object.entries(EDGE_COLOURS)) {
    const marker = svg("marker", {
      id: `arrow-${type}`, viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse",
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
    // The arrow's tip ends at the target's circle, whatever its size.
    const length = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01);
    const cut = Math.min(b.r + 2, length / 2) / length;
    const [x2, y2] = [b.x - (b.x - a.x) * cut, b.y - (b.y - a.y) * cut];
    group.append(
      svg("line", { x1: a.x, y1: a.y, x2, y2, stroke: colour,
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
    group.append(svg("circle", { r: node.r }));
    const label = svg("text", { x: node.r + LABEL_GAP, y: 4 });
    label.textContent = node.label; // cut with an ellipsis when long; the full name is the tooltip
    const title = svg("title");
    title.textContent = node.name;
    group.append(title, label);
    group.addEventListener("click", () => onNode(node.id));
    root.append(group);
  }
  container.append(root);
}
