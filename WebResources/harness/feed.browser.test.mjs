// Browser test of the feed harness in headless Chromium (playwright-core, system chromium).
// Run: npm run build && node --test harness/feed.browser.test.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const harness = join(root, "dist", "harness", "feed.html");
const artifacts = join(root, "artifacts");
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

test("feed harness: a posted <img onerror> renders as text, no dialog fires, and the page works at 375 px", { skip: !existsSync(executablePath) && `no chromium at ${executablePath}`, timeout: 60000 }, async () => {
  assert.ok(existsSync(harness), "dist/harness/feed.html missing: run npm run build");
  mkdirSync(artifacts, { recursive: true });
  const browser = await chromium.launch({ executablePath, args, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const dialogs = [];
    const errors = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(harness).href + "?latency=50");
    await page.locator("article").nth(2).waitFor();
    assert.equal(await page.locator("[role=feed]").getAttribute("aria-busy"), "false");

    const evil = "<img src=x onerror=alert(1)>";
    const composer = page.getByRole("textbox", { name: "Write a post" });
    await composer.fill(evil);
    await composer.press("Control+Enter");
    const first = page.locator("article").first();
    await page.waitForFunction(() => document.querySelectorAll("article").length === 4);
    assert.equal(await first.locator(".rf-text").textContent(), evil);
    assert.equal(await page.locator("#rapport-feed img").count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "ARTICLE");
    await page.waitForTimeout(300); // give a (wrongly) injected onerror time to fire
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);

    // Phone form factor: no horizontal scrolling at 375 px and touch targets of at least 44 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the 375px viewport`);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("#rapport-feed button, #rapport-feed select, #rapport-feed a")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => ({ text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30), h: el.getBoundingClientRect().height }))
        .filter((r) => r.h < 44),
    );
    assert.deepEqual(small, [], "touch targets under 44px");
    await page.screenshot({ path: join(artifacts, "feed-375.png"), fullPage: true });
  } finally {
    await browser.close();
  }
});
