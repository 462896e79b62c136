// Article text with highlighted spans. Offsets count Unicode code points (the API's unit), so
// the text is split into code points first; JavaScript strings count UTF-16 units.

import { el } from "./dom.js";

export const KIND_LABELS = {
  evidence: "evidence",
  actor: "actor",
  place: "place",
  date: "date",
  quantity: "quantity",
  claim: "claim",
  framing: "loaded wording",
};

// text: the whole article text, or a stretch of it starting at `base`; highlights carry
// absolute offsets. Overlapping spans nest: each piece of text gets every kind covering it.
export function highlightedText(text, highlights, base = 0) {
  const points = Array.from(text);
  const cuts = new Set([0, points.length]);
  const spans = highlights
    .map((h) => ({ ...h, start: h.start - base, end: h.end - base }))
    .filter((h) => h.end > 0 && h.start < points.length && h.end > h.start);
  for (const h of spans) {
    cuts.add(Math.max(0, h.start));
    cuts.add(Math.min(points.length, h.end));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    const piece = points.slice(from, to).join("");
    const covering = spans.filter((h) => h.start <= from && h.end >= to);
    if (!covering.length) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((h) => h.kind))];
    const labels = covering
      .map((h) => `${KIND_LABELS[h.kind] || h.kind}${h.label ? `: ${h.label}` : ""}`)
      .join("\n");
    nodes.push(el("mark", { cls: kinds.map((k) => `hl-${k}`).join(" "), text: piece, title: labels }));
  }
  return nodes;
}

export function highlightLegend() {
  return el(
    "p",
    { cls: "hl-legend" },
    ...Object.entries(KIND_LABELS).map(([kind, label]) => el("mark", { cls: `hl-${kind}`, text: label })),
  );
}
