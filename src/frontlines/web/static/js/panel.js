// The side panel: an event with every report and its evidence, an article, an actor, an edge.

import { clear, el, fictionalBadge, typeColour } from "./dom.js";
import { highlightedText, highlightLegend } from "./highlight.js";

const GEO_PRECISION = {
  1: "1: the exact place",
  2: "2: near the place, or a part of a region",
  3: "3: the region (admin area) only",
};
const FIELD_NAMES = {
  event_date: "Date",
  fatalities: "Fatalities",
  certainty: "Certainty",
  sub_event_type: "Sub-event type",
};

function actorText(actor) {
  return actor ? `${actor.name} (${actor.kind})` : "—";
}

function row(term, ...value) {
  return [el("dt", { text: term }), el("dd", {}, ...value)];
}

function articleLine(article, { onArticle }) {
  const title = article.title || article.id;
  return el(
    "p",
    { cls: "article-line" },
    article.fictional ? fictionalBadge() : null,
    el("button", { cls: "link", text: title, on: { click: () => onArticle(article.id) } }),
    el("span", { cls: "muted", text: ` · ${article.outlet || "unknown outlet"} · ${article.published || "undated"}` }),
  );
}

export function renderEvent(panel, event, handlers) {
  clear(panel);
  const where = event.location;
  const place = where
    ? [where.name, where.admin1, where.country].filter(Boolean).join(", ")
    : "not located";
  const chip = el("span", { cls: "type-chip", text: event.event_type || "not an ACLED event" });
  chip.style.background = typeColour(event.event_type);
  panel.append(
    el("div", { cls: "panel-head" }, event.fictional ? fictionalBadge() : null, chip),
    el("h2", { text: event.sub_event_type || event.event_type || "Event" }),
    el("p", { cls: "notes", text: event.notes }),
    el("dl", {},
      row("Date", `${event.event_date || "undated"} (precision: ${event.date_precision})`),
      row("Actor 1", actorText(event.actor1)),
      event.assoc_actor_1.length ? row("with", event.assoc_actor_1.map(actorText).join("; ")) : [],
      row("Actor 2", actorText(event.actor2)),
      event.assoc_actor_2.length ? row("with", event.assoc_actor_2.map(actorText).join("; ")) : [],
      row("Place", place),
      where ? row("Geo precision", GEO_PRECISION[where.geo_precision] || "unknown") : [],
      where && where.note ? row("Place note", where.note) : [],
      row("Fatalities", event.fatalities === null ? "not reported" : String(event.fatalities)),
      row("Certainty", event.certainty),
      row("Sources", event.sources.length ? event.sources.join("; ") : "none named"),
      row("Reports", `${event.report_count} report(s) in ${event.article_count} article(s)`),
    ),
  );
  if (Object.keys(event.contested || {}).length) panel.append(renderContested(event.contested));
  panel.append(el("h3", { text: "Reports" }), highlightLegend());
  for (const report of event.reports) panel.append(renderReport(report, handlers));
}

function renderContested(contested) {
  const box = el("section", { cls: "contested" }, el("h3", { text: "Where the sources disagree" }));
  for (const [field, values] of Object.entries(contested)) {
    box.append(
      el("h4", { text: FIELD_NAMES[field] || field }),
      el(
        "div",
        { cls: "side-by-side" },
        ...values.map((v) => el(
          "div",
          { cls: "contested-value" },
          el("strong", { text: v.value === null ? "not given" : String(v.value) }),
          el("span", { cls: "muted", text: v.sources.join("; ") || "no source named" }),
        )),
      ),
    );
  }
  return box;
}

function renderReport(report, handlers) {
  const box = el("article", { cls: `report${report.article.fictional ? " is-fictional" : ""}` });
  box.append(
    articleLine(report.article, handlers),
    el("p", {
      cls: "muted",
      text: `says: ${report.event_date || "undated"} (${report.date_precision}) · fatalities `
        + `${report.fatalities === null ? "not reported" : report.fatalities} · ${report.certainty}`
        + (report.sources.length ? ` · sources: ${report.sources.join("; ")}` : ""),
    }),
  );
  for (const sentence of report.sentences) {
    box.append(el("blockquote", { cls: "evidence" }, ...highlightedText(sentence.text, sentence.highlights, sentence.start)));
  }
  if (report.claims.length) {
    box.append(el("ul", { cls: "claims" }, ...report.claims.map((claim) => el(
      "li",
      {},
      el("strong", { text: claim.source || "unattributed" }),
      claim.cue ? ` (${claim.cue}${claim.hedge ? `, ${claim.hedge}` : ""}): ` : ": ",
      el("q", { text: claim.text }),
    ))));
  }
  return box;
}

export function renderArticle(panel, article, { onEvent }) {
  clear(panel);
  panel.append(
    el("div", { cls: "panel-head" }, article.fictional ? fictionalBadge() : null),
    el("h2", { text: article.title || article.id }),
    el("p", { cls: "muted", text: `${article.outlet || "unknown outlet"} · ${article.published || "undated"}` }),
    article.url ? el("p", { cls: "muted url", text: article.url }) : null,
    highlightLegend(),
    el("div", { cls: "article-text" }, ...highlightedText(article.text, article.mentions)),
  );
  if (article.events.length) {
    panel.append(el("h3", { text: "Events in this article" }), el("ul", {}, ...article.events.map((e) => el(
      "li",
      {},
      el("button", {
        cls: "link",
        text: `${e.event_date || "undated"} · ${e.sub_event_type || e.event_type || "non-ACLED event"}`,
        on: { click: () => onEvent(e.id) },
      }),
    ))));
  }
}

export function renderEdge(panel, edge, handlers) {
  clear(panel);
  panel.append(
    el("h2", {}, el("span", { text: edge.sourceName }), ` ${edge.type.replace("_", " ")} `, el("span", { text: edge.targetName })),
    el("p", { cls: "muted", text: `${edge.items.length} piece(s) of evidence` }),
  );
  for (const item of edge.items) panel.append(evidenceItem(item, handlers));
}

export function renderActor(panel, actor, handlers) {
  clear(panel);
  panel.append(
    el("div", { cls: "panel-head" }, actor.fictional ? fictionalBadge() : null),
    el("h2", { text: actor.name }),
    el("p", { cls: "muted", text: `${actor.kind}${actor.country ? ` · ${actor.country}` : ""} · ${actor.event_count} events · ${actor.article_count} articles` }),
    actor.aliases.length ? el("p", { text: `Also called: ${actor.aliases.join("; ")}` }) : null,
    handlers.onFollowActor
      ? el("button", { cls: "follow", attrs: { type: "button" }, text: "Follow: show only this actor's events", on: { click: () => handlers.onFollowActor(actor.name) } })
      : null,
    el("h3", { text: "Relations over time" }),
  );
  if (!actor.relations.length) panel.append(el("p", { cls: "muted", text: "none found" }));
  for (const item of actor.relations) {
    panel.append(
      el("p", { cls: "relation" },
        el("strong", { text: item.article.published || "undated" }), " ",
        el("span", { text: item.source_name || item.source }), ` ${item.type.replace("_", " ")} `,
        el("span", { text: item.target_name || item.target })),
      evidenceItem(item, handlers),
    );
  }
}

function evidenceItem(item, handlers) {
  return el(
    "div",
    { cls: `edge-evidence${item.article.fictional ? " is-fictional" : ""}` },
    item.sentence
      ? el("blockquote", { cls: "evidence" }, ...highlightedText(item.sentence.text, item.sentence.highlights, item.sentence.start))
      : el("blockquote", { cls: "evidence" }, el("mark", { cls: "hl-evidence", text: item.evidence.text })),
    articleLine(item.article, handlers),
  );
}
