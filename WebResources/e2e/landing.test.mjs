// The evaluator's way in (issue 8): the one-time sign-in link Deploy.ps1 prints opens the landing page /rapport/ with
// a session cookie (no token in any URL); its My feed, record links and "view as" links work with that cookie alone.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TOKEN, URL_BASE, launch, shot } from "./env.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function signInLink() {
  const response = await fetch(`${URL_BASE}/rapport/signin-codes`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  return (await response.json()).url;
}

/** The My feed items the API returns to a user (MSCRMCallerID, as the page's shim sends for "view as"). */
async function myFeedAs(userId) {
  const response = await fetch(`${URL_BASE}/api/data/v9.2/rapport_GetFeed(Scope=@s,PageSize=@p)?@s='my'&@p=25`, {
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json", MSCRMCallerID: userId },
  });
  assert.equal(response.status, 200, await response.clone().text());
  return JSON.parse((await response.json()).Items || "[]");
}

/** My feed (the Feed code component, scope "my") has loaded: its composer or its error is there. */
async function feedSettled(page) {
  await page.locator("#control-myfeed .rf-composer, #control-myfeed .rf-error").first().waitFor({ timeout: 20000 });
}

describe("sign-in link and landing page", () => {
  it("signs in once, shows My feed as a sample user, and opens a record's form with the cookie alone", async () => {
    const link = await signInLink();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    try {
      await page.goto(link, { waitUntil: "load" });
      assert.equal(new URL(page.url()).pathname, "/rapport/");
      assert.equal(await page.locator("#feed-title").textContent(), "My feed");
      const cookies = await context.cookies();
      assert.ok(cookies.every((c) => c.value !== TOKEN), "the cookie is a session, not the token");
      assert.ok(cookies.some((c) => c.name === "rapport_session" && c.httpOnly && c.sameSite === "Strict"));
      const html = await page.content();
      assert.ok(!html.includes(TOKEN), "the landing page holds no token");

      const ada = page.locator("#users li", { hasText: "Ada Lovelace" }).locator("a", { hasText: "view as" });
      await ada.click();
      await page.waitForURL(/\/rapport\/\?user=/);
      const adaId = new URL(page.url()).searchParams.get("user");
      await feedSettled(page);
      const expected = await myFeedAs(adaId);
      assert.ok(expected.length > 0, "the sample gives Ada Lovelace a feed");
      const frame = page.locator("#control-myfeed");
      assert.equal(await frame.locator('[role="tab"][aria-selected="true"]').textContent(), "My feed");
      assert.deepEqual(await frame.locator("article").evaluateAll((a) => a.map((x) => x.dataset.id)), expected.map((i) => i.id));
      assert.equal(await frame.locator(".rf-error").count(), 0);
      await shot(page, "20-landing-view-as");

      // Back as the signed-in administrator (the lists are not trimmed to the viewed user), then a record's form.
      await page.locator("#viewing-as a").click();
      await page.waitForURL(/\/rapport\/$/);
      await page.locator("#recent-contact a").first().click();
      await page.waitForURL(/\/main\.aspx\?etn=contact&id=[0-9a-f-]+$/);
      assert.ok(!page.url().includes("token="));
      await page.locator("#control-feed .rf-composer").waitFor({ timeout: 15000 });
      await shot(page, "21-landing-record-form");

      const again = await fetch(link, { redirect: "manual" });
      assert.equal(again.status, 401, "the link works once");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("shows where to start: a donor with giving history, a feed with posts, and why My feed is empty", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    try {
      await page.goto(await signInLink(), { waitUntil: "load" });
      await feedSettled(page);
      assert.equal(await page.locator("#start-title").textContent(), "Where to start");
      // My feed: the API's items for the administrator, and the reason the page gives matches them.
      const mine = await fetch(`${URL_BASE}/api/data/v9.2/rapport_GetFeed(Scope=@s,PageSize=@p)?@s='my'&@p=25`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: "application/json" } });
      const items = JSON.parse((await mine.json()).Items || "[]");
      const why = await page.locator("#myfeed-why").textContent();
      if (items.length === 0) {
        assert.match(why, /^You don't follow any records yet/);
        assert.match(await page.locator("#control-myfeed .rf-empty").textContent(), /^Nothing here yet: posts about the records you follow/);
      }
      assert.equal(await page.locator("#control-myfeed article").count(), items.length);
      await shot(page, "22-landing-where-to-start");

      // The donor: the README's example (Ann Abbot), whose card draws her giving history.
      assert.equal(await page.locator("#start-donor a").textContent(), "Ann Abbot");
      await page.locator("#start-donor a").click();
      await page.waitForURL(/\/main\.aspx\?etn=contact&id=/);
      await page.locator("#control-insights .ri-bar").first().waitFor({ timeout: 15000 });
      assert.ok((await page.locator("#control-insights .ri-bar").count()) > 0);
      await page.goBack();

      // The busiest feed: its posts are there.
      const posts = page.locator("#start-posts a");
      const hint = await page.locator("#start-posts .hint").textContent();
      const n = Number(/with (\d+) posts/.exec(hint)[1]);
      await posts.click();
      await page.locator("#control-feed .rf-composer").waitFor({ timeout: 15000 });
      assert.equal(await page.locator("#control-feed article").count(), Math.min(n, 25));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("without a session the landing page says how to get a link", async () => {
    const response = await fetch(`${URL_BASE}/rapport/`);
    assert.equal(response.status, 401);
    assert.match(await response.text(), /needs a sign-in link/);
  });
});
