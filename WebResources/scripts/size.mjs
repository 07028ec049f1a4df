// Prints raw and gzip sizes of every web resource in dist/rapport_ as JSON; exits 1 when one is over budget.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET = 60 * 1024; // bytes, minified, per web resource
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
try {
  walk(join(root, "rapport_"));
} catch {
  console.error("dist/rapport_ not found: run npm run build first");
  process.exit(1);
}
const report = files.sort().map((p) => {
  const bytes = readFileSync(p);
  return { file: relative(root, p).split("\\").join("/"), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, overBudget: bytes.length > BUDGET };
});
const over = report.filter((r) => r.overBudget);
console.log(JSON.stringify({ budget: BUDGET, files: report, ok: over.length === 0 }, null, 2));
if (over.length) {
  console.error(`over budget (${BUDGET} bytes): ${over.map((r) => r.file).join(", ")}`);
  process.exit(1);
}
