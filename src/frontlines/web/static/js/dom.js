// DOM helpers. Text from articles is untrusted: it only ever reaches the page as textContent
// or as an attribute value set through the DOM, never as HTML.

export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { cls, text, attrs, on, title } = options;
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (title) node.title = String(title);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  for (const [name, handler] of Object.entries(on || {})) node.addEventListener(name, handler);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function fictionalBadge() {
  return el("span", { cls: "fictional-badge", text: "FICTIONAL", title: "an invented demo article" });
}

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
export const NO_TYPE_COLOUR = "#7f7f7f";
export const CERTAINTIES = ["reported", "unconfirmed", "estimated", "claimed", "denied", "expected"];
export const SUB_TYPES = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
    "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other"],
};

export function typeSlug(type) {
  return type ? type.toLowerCase().replace(/[^a-z]+/g, "-") : "none";
}

export function typeColour(type) {
  return TYPE_COLOURS[type] || NO_TYPE_COLOUR;
}
