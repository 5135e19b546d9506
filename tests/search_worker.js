// Run Material's own search worker in Node: read a search_index.json, set the worker up as the
// theme does ({type: 0, data: {config, docs, options}}), then answer each query ({type: 2, data:
// query}) after preparing it as the reader's browser does (prepare() of the site's
// search-query.js, with the index's config.query), with the list of result locations.
// Usage: node search_worker.js <worker.js> <lunr dir> <search_index.json> <search-query.js> <query>...
// With "-" as the only query, the queries are read from standard input as a JSON array.
// Prints {query: {prepared, items: [[location, ...], ...], terms: [[term, ...], ...]}} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const { load } = require("./material_worker.js");

const [workerPath, lunrDir, indexPath, queryScript, ...args] = process.argv.slice(2);
const { prepare } = require(path.resolve(queryScript));
const send = load(workerPath, lunrDir);

(async () => {
  const queries = args.length === 1 && args[0] === "-" ? JSON.parse(fs.readFileSync(0, "utf8")) : args;
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const out = {};
  for (const query of queries) {
    const prepared = prepare(query, index.config.query, index.config.separator);
    const reply = await send({ type: 2, data: prepared });
    out[query] = {
      prepared,
      items: reply.data.items.map((group) => group.map((item) => item.location)),
      terms: reply.data.items.map((group) => [...new Set(group.flatMap((item) =>
        Object.keys(item.terms).filter((term) => item.terms[term])))]),
    };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
