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
const vm = require("vm");
const { performance } = require("perf_hooks");

const [workerPath, lunrDir, indexPath, queryScript, runs, ...queries] = process.argv.slice(2);
const prepare = queryScript === "-" ? (q) => q : require(path.resolve(queryScript)).prepare;
const workerCode = fs.readFileSync(workerPath, "utf8");
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));

function fresh() {
  let handler = null;
  const replies = [];
  const context = {
    console, URL, setTimeout, clearTimeout, TextDecoder, TextEncoder,
    addEventListener: (type, fn) => { if (type === "message") handler = fn; },
    postMessage: (message) => replies.push(message),
    importScripts: (...urls) => {
      for (const url of urls) {
        const file = path.join(lunrDir, url.replace(/^\.\.\/lunr\//, ""));
        vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
      }
    },
  };
  context.self = context;
  context.globalThis = context;
  vm.createContext(context);
  vm.runInContext(workerCode, context, { filename: workerPath });
  return async (message) => {
    replies.length = 0;
    await handler({ data: message });
    return replies[0];
  };
}

(async () => {
  const setup = [], query = [];
  for (let run = 0; run < Number(runs); run++) {
    const send = fresh();
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
