// Time Material's own search worker in Node on one search_index.json: how long setting the
// index up takes (what a reader waits for after the index has downloaded), and how long each
// query takes. Each setup runs in a fresh context, as a fresh page would.
// Queries are prepared as the reader's browser prepares them when a search-query.js is given
// ("-": sent as typed, as on a site without it).
// Usage: node search_timing.js <worker.js> <lunr dir> <search_index.json> <search-query.js|-> <runs> <query>...
// Prints {setup_ms: [...], query_ms: [...]} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const { load } = require("../tests/material_worker.js");

const [workerPath, lunrDir, indexPath, queryScript, runs, ...queries] = process.argv.slice(2);
const prepare = queryScript === "-" ? (q) => q : require(path.resolve(queryScript)).prepare;
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));

(async () => {
  const setup = [], query = [];
  for (let run = 0; run < Number(runs); run++) {
    const send = load(workerPath, lunrDir);
    // The index as the page hands it over: a structured clone of the parsed JSON.
    const data = { config: index.config, docs: structuredClone(index.docs), options: { suggest: false } };
    let start = performance.now();
    await send({ type: 0, data });
    setup.push(performance.now() - start);
    for (const q of queries) {
      start = performance.now();
      await send({ type: 2, data: prepare(q, index.config.query, index.config.separator) });
      query.push(performance.now() - start);
    }
  }
  process.stdout.write(JSON.stringify({ setup_ms: setup, query_ms: query }));
})().catch((error) => { console.error(error); process.exit(1); });
