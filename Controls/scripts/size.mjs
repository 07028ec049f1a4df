// Bundle budget: each component's bundle.js at most 60 KB gzipped, with React and Fluent left to the platform.
// Prints one line per component; exits 1 when one is over budget or carries React or Fluent's code.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const BUDGET = 60 * 1024;
const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "out", "controls");
let ok = true;
for (const name of readdirSync(dir)) {
  const bytes = readFileSync(join(dir, name, "bundle.js"));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const text = bytes.toString("utf8");
  // React's and Fluent's own code leave these marks; a bundle that has them carries its own copy.
  const bundled = ["__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED", "react.production", "fui-FluentProvider"].filter((m) => text.includes(m));
  const fine = gzip <= BUDGET && bundled.length === 0;
  ok &&= fine;
  console.log(`${name}/bundle.js: ${bytes.length} bytes, ${gzip} gzip (budget ${BUDGET})${bundled.length ? `, bundles ${bundled.join(", ")}` : ""} ${fine ? "ok" : "FAILED"}`);
}
process.exit(ok ? 0 : 1);
