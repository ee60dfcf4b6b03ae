// Trunk post-build hook: moves every inline <script> of the built index.html into a
// file of its own, named after its content, so the page runs under a Content Security
// Policy without 'unsafe-inline' (index.html's <meta http-equiv="Content-Security-
// Policy">). Trunk writes its start-up module inline and has no option not to.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("externalize.mjs runs as a trunk hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const index = join(dir, "index.html");
const html = readFileSync(index, "utf8");
let moved = 0;
const out = html.replace(/<script( type="module")?>([\s\S]*?)<\/script>/g, (_all, module, body) => {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  // Hashed like trunk's own files: the service worker caches it "cache first".
  const name = `${module ? "start" : "register"}-${hash}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  return `<script${module ?? ""} src="./${name}"></script>`;
});
if (/<script(?![^>]*\ssrc=)[^>]*>/.test(out)) {
  console.error("externalize.mjs: an inline script is left in index.html");
  process.exit(1);
}
writeFileSync(index, out);
console.log(`externalize.mjs: ${moved} inline script(s) moved to files`);
