// Builds one file per web resource into dist/, mirroring the Dataverse names (rapport_/...),
// plus the static browser harness into dist/harness/.
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });

const scripts = [
  ["src/feed/feed.ts", "rapport_/feed/feed.js", "Rapport.Feed"],
  ["src/card/insights.ts", "rapport_/card/insights.js", "Rapport.Insights"],
  ["src/commands/follow.ts", "rapport_/commands/follow.js", "Rapport.Commands.Follow"],
  ["src/forms/feedhost.ts", "rapport_/forms/feedhost.js", "Rapport.Forms.FeedHost"],
  ["harness/fake-xrm.ts", "harness/fake-xrm.js", "RapportHarness"],
];
const styles = [
  ["src/feed/feed.css", "rapport_/feed/feed.css"],
  ["src/card/insights.css", "rapport_/card/insights.css"],
];
const copies = [
  ["src/feed/feed.html", "rapport_/feed/feed.html"],
  ["src/card/insights.html", "rapport_/card/insights.html"],
  ["src/icons/follow.svg", "rapport_/icons/follow.svg"],
  ["src/icons/unfollow.svg", "rapport_/icons/unfollow.svg"],
  ["harness/feed.html", "harness/feed.html"],
  ["harness/insights.html", "harness/insights.html"],
];

await Promise.all([
  ...scripts.map(([entry, out, globalName]) =>
    build({
      entryPoints: [join(root, entry)],
      outfile: join(dist, out),
      bundle: true,
      format: "iife",
      globalName,
      target: "es2020",
      minify: true,
      legalComments: "none",
      logLevel: "warning",
    }),
  ),
  ...styles.map(([entry, out]) =>
    build({ entryPoints: [join(root, entry)], outfile: join(dist, out), bundle: true, minify: true, logLevel: "warning" }),
  ),
]);
for (const [from, to] of copies) {
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  cpSync(join(root, from), join(dist, to));
}
console.log(`built ${scripts.length + styles.length + copies.length} files into dist/`);
