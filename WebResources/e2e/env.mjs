// Shared setup of the real-browser tests: the local environment's Web API (fetch with the bearer token) to arrange
// data and to read what the screens must show, and Debian's chromium driven by playwright-core.
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const URL_BASE = (process.env.RAPPORT_URL ?? "").replace(/\/$/, "");
export const TOKEN = process.env.RAPPORT_TOKEN ?? "";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "..", "artifacts", "e2e");
mkdirSync(ARTIFACTS, { recursive: true });

const API = `${URL_BASE}/api/data/v9.2/`;

export async function api(method, path, body) {
  const response = await fetch(API + path, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return { response, json: text ? JSON.parse(text) : null };
}

export async function create(set, row) {
  const { response } = await api("POST", set, row);
  const location = response.headers.get("OData-EntityId") ?? "";
  return location.substring(location.lastIndexOf("(") + 1, location.length - 1);
}

/** A Custom API function with aliased string/number parameters. */
export async function fn(name, params) {
  const keys = Object.keys(params);
  const call = `${name}(${keys.map((k, i) => `${k}=@p${i}`).join(",")})?${keys.map((k, i) => `@p${i}=${encodeURIComponent(typeof params[k] === "string" ? `'${params[k]}'` : String(params[k]))}`).join("&")}`;
  return (await api("GET", call)).json;
}

export async function feed(table, id, pageSize = 25, token) {
  const r = await fn("rapport_GetFeed", { Scope: "record", RecordTable: table, RecordId: id, PageSize: pageSize, ...(token ? { ContinuationToken: token } : {}) });
  return { items: JSON.parse(r.Items || "[]"), token: r.ContinuationToken, followers: r.FollowerCount, isFollowing: r.IsFollowing };
}

export async function newContact(first, last) {
  return create("contacts", { firstname: first, lastname: last });
}

export async function contactByName(fullname) {
  const { json } = await api("GET", `contacts?$select=fullname&$filter=fullname eq '${fullname}'`);
  return json.value[0]?.contactid;
}

/** The web-resource form (iframes), kept reachable with &ui=webresources beside the code components' form. */
export function formUrl(table, id) {
  return `${URL_BASE}/main.aspx?etn=${table}&id=${id}&token=${encodeURIComponent(TOKEN)}&ui=webresources`;
}

/** The form with the code components (the default when Controls/ is built); user: view it as that systemuser. */
export function componentFormUrl(table, id, user) {
  return `${URL_BASE}/main.aspx?etn=${table}&id=${id}&token=${encodeURIComponent(TOKEN)}${user ? `&user=${user}` : ""}`;
}

/**
 * Opens a record's form with the code components; resolves once every component has started and the feed has
 * loaded (its composer or its no-access message is there). Fails on a page error or a native dialog.
 */
export async function openComponentForm(browser, table, id, viewport = { width: 1366, height: 900 }, user) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(componentFormUrl(table, id, user), { waitUntil: "load" });
  await page.locator("body[data-controls-ready]").waitFor({ state: "attached", timeout: 30000 });
  await page.locator("#control-feed .rf-composer, #control-feed .rf-no-access, #control-feed .rf-error").first().waitFor({ timeout: 15000 });
  return { context, page, problems };
}

export const LAUNCH_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, timeout: 30000 });
}

/**
 * Opens a record's form; resolves with the page, the feed frame and the errors the page reported.
 * Fails on a page error or a dialog (nothing in these screens may open a native dialog).
 */
export async function openForm(browser, table, id, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(formUrl(table, id), { waitUntil: "load" });
  const feedFrame = page.frameLocator("#WebResource_rapport_feed");
  // The form hands the client API to the feed: the record feed has a Follow button and the composer.
  await feedFrame.locator(".rf-follow").waitFor({ timeout: 15000 });
  await feedFrame.locator(".rf-state:not(.rf-loading)").first().waitFor({ state: "attached", timeout: 15000 });
  await page.waitForFunction(() => {
    const f = document.getElementById("WebResource_rapport_feed");
    const d = f && f.contentDocument;
    return d && d.querySelector(".rf-feed")?.getAttribute("aria-busy") === "false";
  }, null, { timeout: 15000 });
  return { context, page, feed: feedFrame, problems };
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export function unique(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}
