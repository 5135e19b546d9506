// Material's own search worker, loaded in a fresh Node vm context as a fresh page would start
// it: `load(workerPath, lunrDir)` returns `send(message)`, which posts a message to the worker
// and resolves with its reply. Used by tests/search_worker.js and benchmarks/search_timing.js.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function load(workerPath, lunrDir) {
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
  return async (message) => {
    replies.length = 0;
    await handler({ data: message });
    for (let i = 0; i < 100 && replies.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    return replies[0];
  };
}

module.exports = { load };
