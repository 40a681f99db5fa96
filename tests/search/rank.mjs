// Ask Material's own search worker, as the site ships it, what a reader would see.
//
// Reads {"site": dir, "queries": {"ko": [...], "en": [...]}} on stdin and prints, for
// each query, the location of each result in the order the search dialog lists them.
// Material shows a page's best section as the result and folds its other sections
// under "N more on this page", so each result is its group's first (best) document.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";

const { site, queries } = JSON.parse(fs.readFileSync(0, "utf8"));
const workers = path.join(site, "assets/javascripts/workers");
const [worker] = fs.readdirSync(workers).filter(f => /^search\.\w+\.min\.js$/.test(f));
if (!worker) throw new Error(`no search worker in ${workers}`);

async function engine(indexFile) {
  let listener, reply;
  const context = {
    console: { ...console, warn: (...a) => { throw new Error(`search worker: ${a.join(" ")}`); } },
    // The worker loads lunr's language support from ../lunr, relative to itself.
    importScripts: (...urls) => urls.forEach(u => vm.runInContext(fs.readFileSync(path.join(workers, u), "utf8"), context)),
    addEventListener: (_, fn) => { listener = fn; },
    postMessage: message => reply(message),
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(workers, worker), "utf8"), context);
  const ask = data => new Promise(resolve => { reply = resolve; listener({ data }); });
  const { config, docs } = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  // The same setup message Material's page script sends (search.suggest is off).
  await ask({ type: 0, data: { config, docs, options: { suggest: false } } });
  return async query => (await ask({ type: 2, data: query })).data.items.map(group => group[0].location);
}

const results = {};
for (const [lang, list] of Object.entries(queries)) {
  const prefix = lang === "ko" ? "" : lang;
  const search = await engine(path.join(site, prefix, "search/search_index.json"));
  results[lang] = [];
  for (const query of list) results[lang].push(await search(query));
}
process.stdout.write(JSON.stringify(results));
