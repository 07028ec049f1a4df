// Builds the code components the way pcf-scripts lays them out (out/controls/<Constructor>/: ControlManifest.xml,
// bundle.js and the manifest's css/resx files) with esbuild, plus, for the local form host only, out/platform/:
// platform-libs.js (React, ReactDOM and Fluent as the platform's globals) and pcf-host.js (the context builder).
// React and Fluent are never in a component bundle: they resolve to the platform globals Reactv16 / FluentUIReactv940,
// the names pcf-scripts gives virtual controls' platform libraries.
// Why not pcf-scripts itself: it builds offline here (checked: pcf-scripts 1.51.1 produced the same manifest, apart from
// built-by, the same externals and the same registration footer), but it declares esbuild ^0.25 as a peer while
// vitest 4 (vite 8) needs esbuild ^0.27/^0.28, so both fit one npm tree only with --legacy-peer-deps; it also brings
// webpack, babel and eslint and takes ~40 s per control here against ~2 s.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "out");
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
// pcf-scripts writes the typings' version as the control's api-version.
const apiVersion = JSON.parse(readFileSync(join(root, "node_modules", "@types", "powerapps-component-framework", "package.json"), "utf8")).version;
rmSync(out, { recursive: true, force: true });

export const PLATFORM_GLOBALS = { react: "Reactv16", "react-dom": "ReactDOMv16", "@fluentui/react-components": "FluentUIReactv940" };

const platformGlobals = {
  name: "platform-globals",
  setup(b) {
    b.onResolve({ filter: /^(react|react-dom|@fluentui\/react-components)$/ }, (a) => ({ path: a.path, namespace: "platform" }));
    b.onLoad({ filter: /.*/, namespace: "platform" }, (a) => ({ contents: `module.exports = window[${JSON.stringify(PLATFORM_GLOBALS[a.path])}];`, loader: "js" }));
  },
};

/** The processed manifest: comments dropped, api-version, code path bundle.js, a built-by element, as pcf-scripts writes it. */
export function processManifest(xml) {
  const body = xml
    .replace(/(<control\b[^>]*?)(\s*>)/, (m, open, end) => (/api-version=/.test(open) ? m : `${open} api-version="${apiVersion}"${end}`))
    .replace(/<\?xml[^>]*\?>\s*/, "")
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .replace(/<code\s+path="[^"]*"/, '<code path="bundle.js"')
    .replace(/\s*\/>/g, "/>")
    .replace(/(\s*)<\/control>/, `$1  <built-by name="rapport-controls" version="${version}"/>$1</control>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body.trim()}\n`;
}

const controls = ["Feed", "InsightsCard"];
for (const name of controls) {
  const dir = join(out, "controls", name);
  mkdirSync(dir, { recursive: true });
  const manifest = readFileSync(join(root, name, "ControlManifest.Input.xml"), "utf8");
  const namespace = /namespace="([^"]+)"/.exec(manifest)[1];
  const constructor = /constructor="([^"]+)"/.exec(manifest)[1];
  const global = `pcf_rapport_${constructor}`;
  await build({
    entryPoints: [join(root, name, "index.ts")],
    outfile: join(dir, "bundle.js"),
    bundle: true,
    format: "iife",
    globalName: global,
    target: "es2019",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    plugins: [platformGlobals],
    // The registration pcf-scripts appends: the platform's registerControl, else a namespace global (test harnesses).
    footer: {
      js: `if(window.ComponentFramework&&window.ComponentFramework.registerControl){ComponentFramework.registerControl(${JSON.stringify(`${namespace}.${constructor}`)},${global}.${constructor});}else{var ${namespace}=window.${namespace}=window.${namespace}||{};${namespace}.${constructor}=${global}.${constructor};}`,
    },
  });
  writeFileSync(join(dir, "ControlManifest.xml"), processManifest(manifest));
  for (const [, path] of manifest.matchAll(/<(?:css|resx|img|html)\s+path="([^"]+)"/g)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(root, name, path), join(dir, path));
  }
}

// The local form host's platform: what Dataverse provides around a control (not part of any component).
mkdirSync(join(out, "platform"), { recursive: true });
await build({
  stdin: {
    contents: `import * as React from "react"; import * as ReactDOM from "react-dom"; import * as Fluent from "@fluentui/react-components";
window.Reactv16 = React; window.ReactDOMv16 = ReactDOM; window.FluentUIReactv940 = Fluent;`,
    resolveDir: root,
    loader: "js",
  },
  outfile: join(out, "platform", "platform-libs.js"),
  bundle: true,
  format: "iife",
  target: "es2019",
  minify: true,
  legalComments: "none",
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
await build({
  entryPoints: [join(root, "host", "formHost.ts")],
  outfile: join(out, "platform", "pcf-host.js"),
  bundle: true,
  format: "iife",
  target: "es2019",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [platformGlobals],
});
console.log(`built ${controls.join(", ")} into out/controls/ and the local platform into out/platform/`);
