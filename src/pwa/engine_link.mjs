// Trunk post-build step: names the import engine's worker in index.html. Trunk builds
// it (index.html: data-bin="engine", data-type="worker") under a content-hashed name
// and leaves no trace of it in the page, so the page could not find it and the service
// worker would not keep it for offline use. Written as links whose rel no browser
// fetches: `cm-engine` is the worker's start (the page reads it when an import first
// needs the engine), `cm-engine-part` its script and wasm (cached by sw.js with the rest).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("engine_link.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
// Trunk names a worker's files without a hash (engine.js, engine_bg.wasm and the
// loader): renamed here after their content, so the service worker can cache them
// "cache first" like the page's own files and a page never meets an older engine.
// Only the app's page has the engine; the benchmark's page (bench.html) has none.
const page = basename(process.env.TRUNK_HTML_FILE ?? "index.html");
if (page === "index.html") {
  link();
} else {
  console.log(`engine_link.mjs: ${page} has no engine`);
}

function link() {
  const files = readdirSync(dir);
  for (const f of ["engine.js", "engine_bg.wasm", "engine_loader.js"]) {
    if (!files.includes(f)) {
      console.error(`engine_link.mjs: ${f} is missing from the build (index.html's engine link?)`);
      process.exit(1);
    }
  }
  const hash = createHash("sha256")
    .update(readFileSync(join(dir, "engine.js")))
    .update(readFileSync(join(dir, "engine_bg.wasm")))
    .digest("hex")
    .slice(0, 16);
  const script = `engine-${hash}.js`;
  const wasm = `engine-${hash}_bg.wasm`;
  const loader = `engine-loader-${hash}.js`;
  renameSync(join(dir, "engine.js"), join(dir, script));
  renameSync(join(dir, "engine_bg.wasm"), join(dir, wasm));
  // The loader, written here rather than trunk's shim: a wasm that fails to load (offline
  // and never cached) must fail the worker with an error the page hears, where trunk's
  // shim leaves a promise rejected that nobody sees and the page waiting for ever.
  const shim = readFileSync(join(dir, "engine_loader.js"), "utf8");
  if (!shim.includes("./engine.js") || !shim.includes("./engine_bg.wasm")) {
    console.error(`engine_link.mjs: trunk's loader changed, check this hook: ${shim}`);
    process.exit(1);
  }
  writeFileSync(
    join(dir, loader),
    `importScripts("./${script}");wasm_bindgen("./${wasm}").catch((e) => setTimeout(() => { throw e; }));\n`,
  );
  unlinkSync(join(dir, "engine_loader.js"));
  const links = [loader, script, wasm]
    .map((f, i) => `<link rel="${i === 0 ? "cm-engine" : "cm-engine-part"}" href="./${f}" />`)
    .join("");
  const index = join(dir, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("</head>", `${links}</head>`));
  console.log(`engine_link.mjs: the engine is ${loader}`);
}
