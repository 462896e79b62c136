// The timeline: events per day (binned to fit the width) with a brush. Dragging picks a date
// range and calls onRange({from, to}); a click without dragging clears it (onRange(null)).

import { clear, svg } from "./dom.js";

const HEIGHT = 90;
const AXIS = 16;
const DAY = 86400000;
const MAX_BAR = 16;

export function createTimeline(container, { onRange }) {
  let scale = null;
  let range = null;

  function draw(byDay) {
    clear(container);
    const width = Math.max(container.clientWidth, 200);
    const root = svg("svg", { width, height: HEIGHT, class: "timeline-svg" });
    container.append(root);
    if (!byDay.length) {
      const note = svg("text", { x: 8, y: HEIGHT / 2, class: "axis" });
      note.textContent = "no dated events";
      root.append(note);
      scale = null;
      return;
    }
    const first = Date.parse(byDay[0].date);
    const last = Date.parse(byDay[byDay.length - 1].date) + DAY;
    const days = Math.round((last - first) / DAY);
    const bins = Math.max(1, Math.min(days, Math.floor(width / 4)));
    const binDays = Math.ceil(days / bins);
    const counts = new Array(Math.ceil(days / binDays)).fill(0);
    for (const { date, count } of byDay) {
      counts[Math.floor((Date.parse(date) - first) / DAY / binDays)] += count;
    }
    const max = Math.max(...counts);
    const barWidth = width / counts.length;
    scale = { first, last, width };
    counts.forEach((count, i) => {
      if (!count) return;
      const h = Math.max(2, ((HEIGHT - AXIS - 4) * count) / max);
      // a bar is at most MAX_BAR wide, centred in its bin, so that a few days stay bars
      const w = Math.max(1, Math.min(MAX_BAR, barWidth - 1));
      const bar = svg("rect", {
        x: i * barWidth + (barWidth - w) / 2, y: HEIGHT - AXIS - h, width: w, height: h,
        class: "bar",
      });
      const title = svg("title");
      title.textContent = `${isoDay(first + i * binDays * DAY)}: ${count} events`;
      bar.append(title);
      root.append(bar);
    });
    for (const [x, anchor, when] of [[2, "start", first], [width - 2, "end", last - DAY]]) {
      const label = svg("text", { x, y: HEIGHT - 3, "text-anchor": anchor, class: "axis" });
      label.textContent = isoDay(when);
      root.append(label);
    }
    const brush = svg("rect", { class: "brush", y: 0, height: HEIGHT - AXIS, x: 0, width: 0 });
    root.append(brush);
    attachBrush(root, brush);
    if (range) showRange(brush, range);
  }

  function attachBrush(root, brush) {
    let start = null;
    const xOf = (event) => Math.min(scale.width, Math.max(0, event.clientX - root.getBoundingClientRect().left));
    root.addEventListener("pointerdown", (event) => {
      start = xOf(event);
      root.setPointerCapture(event.pointerId);
      brush.setAttribute("x", start);
      brush.setAttribute("width", 0);
    });
    root.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const x = xOf(event);
      brush.setAttribute("x", Math.min(start, x));
      brush.setAttribute("width", Math.abs(x - start));
    });
    root.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const x = xOf(event);
      const [a, b] = [Math.min(start, x), Math.max(start, x)];
      start = null;
      if (b - a < 3) {
        range = null;
        brush.setAttribute("width", 0);
        onRange(null);
        return;
      }
      range = { from: isoDay(dateAt(a)), to: isoDay(dateAt(b)) };
      onRange(range);
    });
  }

  function dateAt(x) {
    const t = Math.min(scale.last - 1, scale.first + ((scale.last - scale.first) * x) / scale.width);
    return Math.floor(t / DAY) * DAY;
  }

  function showRange(brush, { from, to }) {
    const xAt = (t) => ((t - scale.first) / (scale.last - scale.first)) * scale.width;
    const a = xAt(Date.parse(from));
    const b = xAt(Date.parse(to) + DAY);
    brush.setAttribute("x", a);
    brush.setAttribute("width", Math.max(0, b - a));
  }

  return {
    draw,
    clearRange() {
      range = null;
    },
  };
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}
