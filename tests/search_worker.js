// Run Material's own search worker in Node: read a search_index.json, set the worker up as the
// theme does ({type: 0, data: {config, docs, options}}), then answer each query given on the
// command line ({type: 2, data: query}) with the list of result locations, as JSON.
// Usage: node search_worker.js <worker.js> <lunr dir> <search_index.json> <query>...
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [workerPath, lunrDir, indexPath, ...queries] = process.argv.slice(2);
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
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context, { filename: workerPath });

async function send(message) {
  replies.length = 0;
  await handler({ data: message });
  for (let i = 0; i < 100 && replies.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return replies[0];
}

(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const out = {};
  for (const query of queries) {
    const reply = await send({ type: 2, data: query });
    out[query] = reply.data.items.map((group) => group.map((item) => item.location));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
