// Real-browser tests of the code components (Controls/: Rapport.Feed and Rapport.InsightsCard) on the local form host,
// with the nonprofit sample and the Rapport solution imported (build/suites/browser.sh). What the page shows is
// compared with what the Web API returns; layout at 1366 and 375 px, keyboard only, hostile text and axe-core.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { api, componentFormUrl, contactByName, create, feed, fn, launch, newContact, openComponentForm, shot, unique } from "./env.mjs";

const AXE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "Controls", "node_modules", "axe-core", "axe.min.js");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const article = (page, id) => page.locator(`#control-feed article[data-id="${id}"]`);

/** Elements other than the page itself that scroll (a nested scroll area): tag#id.class of each. */
function nestedScrollers(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => {
        const s = getComputedStyle(e);
        return (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1) || e.tagName === "IFRAME";
      })
      .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
  );
}

async function layout(page) {
  return page.evaluate(() => {
    const box = (sel) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return r && { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
    };
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, feed: box("#control-feed"), card: box("#control-insights") };
  });
}

/** Every post's action row is one line: its items share one centre line, no label wraps and no count is cut. */
function wrappedActionRows(page) {
  return page.locator("#control-feed .rf-actions").evaluateAll((rows) =>
    rows.filter((row) => {
      const items = [...row.children];
      const centres = new Set(items.map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
      const wrappedLabel = items.some((c) => c.tagName === "BUTTON" && c.getBoundingClientRect().height > 32);
      const cut = items.some((c) => c.scrollWidth > c.clientWidth + 1);
      return centres.size > 1 || wrappedLabel || cut;
    }).length,
  );
}

describe("form host with the code components", () => {
  it("at 1366 px shows the API's posts and figures with the feed and the card side by side, one scroll, no iframe", async () => {
    const id = await contactByName("Ann Abbot");
    const expected = await feed("contact", id);
    const insights = JSON.parse((await fn("rapport_GetCustomerInsights", { RecordTable: "contact", RecordId: id })).Insights);
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      assert.deepEqual(await page.locator("#control-feed article").evaluateAll((a) => a.map((x) => x.dataset.id)), expected.items.map((i) => i.id));
      for (const item of expected.items) {
        const a = article(page, item.id);
        assert.equal(await a.locator(".rf-author").first().textContent(), item.author.name);
        assert.equal(await a.locator(".rf-count").first().textContent(), item.likeCount === 1 ? "1 like" : `${item.likeCount} likes`);
        for (const m of item.mentions) assert.equal(await a.locator(`a.rf-mention[data-id="${m.id}"]`).textContent(), `@${m.name}`);
      }
      assert.equal(await page.locator("#control-feed .rf-followers").textContent(), `${expected.followers} followers`);
      // One Follow on the form: the command bar's; none in the feed.
      await page.locator("#commandbar[data-ready]").waitFor();
      assert.equal(await page.locator("button", { hasText: /^\s*(Follow|Unfollow)\s*$/ }).count(), 1);
      assert.equal(await page.locator("#control-feed button", { hasText: /follow/i }).count(), 0);

      await page.locator("#control-insights .ri-clv .ri-value").waitFor();
      const money = new Intl.NumberFormat("en-US", { style: "currency", currency: insights.currency || "USD", maximumFractionDigits: 0 }).format(insights.clv);
      const weak = !!insights.model?.verdict && insights.model.verdict !== "Usable";
      assert.equal(await page.locator("#control-insights .ri-clv .ri-value").textContent(), weak ? `≈ ${money}` : money);
      assert.equal(await page.locator("#control-insights .ri-warning").count(), weak ? 1 : 0);
      assert.equal(await page.locator("#control-insights .ri-palive .ri-value").textContent(), `${Math.round(insights.pAlive * 100)}%`);
      // One bar per period from the first gift to the last, with the API's values.
      const periods = insights.history.filter((h) => h.value != null).map((h) => h.period);
      const bars = await page.locator("#control-insights .ri-bar").evaluateAll((b) => b.map((x) => [x.dataset.period, Number(x.dataset.value)]));
      assert.ok(bars.length >= periods.length && bars.length > 0, JSON.stringify(bars));
      for (const h of insights.history.filter((x) => x.value != null)) assert.deepEqual(bars.find((b) => b[0] === h.period), [h.period, h.value]);

      const l = await layout(page);
      assert.ok(l.scrollWidth <= l.innerWidth, `no horizontal overflow (${l.scrollWidth} > ${l.innerWidth})`);
      assert.ok(l.card.x >= l.feed.x + l.feed.width, "the card is to the right of the feed");
      assert.ok(Math.abs(l.card.y - l.feed.y) < 2, "feed and card start on the same line");
      assert.deepEqual(await nestedScrollers(page), [], "the page is the only scroll area");
      assert.equal(await wrappedActionRows(page), 0);
      await shot(page, "30-components-1366");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("the command bar's Follow changes the feed's follower count on the spot, and Unfollow changes it back", async () => {
    const id = await newContact("Fiona", unique("Follow"));
    const before = (await feed("contact", id)).followers;
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      const followers = page.locator("#control-feed .rf-followers");
      await page.locator("#commandbar[data-ready]").waitFor();
      assert.equal(await followers.textContent(), before === 1 ? "1 follower" : `${before} followers`);
      await page.locator("#commandbar button", { hasText: /^\s*Follow\s*$/ }).click();
      await page.locator("#commandbar button", { hasText: /^\s*Unfollow\s*$/ }).waitFor();
      await page.waitForFunction((want) => document.querySelector("#control-feed .rf-followers")?.textContent === want, before + 1 === 1 ? "1 follower" : `${before + 1} followers`);
      assert.equal((await feed("contact", id)).followers, before + 1, "the server agrees");
      await page.locator("#commandbar button", { hasText: /^\s*Unfollow\s*$/ }).click();
      await page.waitForFunction((want) => document.querySelector("#control-feed .rf-followers")?.textContent === want, before === 1 ? "1 follower" : `${before} followers`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it("at 375 px is one column and one scroll: no sideways scroll, no wrapped action row, card below the feed; posting works", async () => {
    const id = await newContact("Nora", unique("Narrow"));
    await create("rapport_posts", { rapport_text: "A longer post so that the action row has company #narrow", rapport_regardingtable: "contact", rapport_regardingid: id });
    const { context, page, problems } = await openComponentForm(browser, "contact", id, { width: 375, height: 812 });
    try {
      const text = `Small screen note ${unique("")}`;
      await page.locator("#control-feed .rf-composer textarea").fill(text);
      await page.locator("#control-feed .rf-composer .rf-submit").click();
      await page.locator("#control-feed article .rf-text", { hasText: text }).waitFor({ timeout: 10000 });
      assert.equal((await feed("contact", id)).items[0].text, text);
      await page.locator("#control-insights .ri-title").waitFor();
      const l = await layout(page);
      assert.ok(l.scrollWidth <= 375, `the form fits 375 px (scrollWidth ${l.scrollWidth})`);
      assert.ok(l.card.y >= l.feed.y + l.feed.height, "the card comes after the feed");
      assert.ok(l.feed.width > 300 && l.card.width > 300, "each takes the full width");
      assert.deepEqual(await nestedScrollers(page), [], "no nested scroll area");
      // My own post has the overflow menu too: still one row.
      assert.equal(await page.locator("#control-feed .rf-overflow").count(), 2, "both posts are mine: each has its overflow menu");
      assert.equal(await wrappedActionRows(page), 0, "no action row wraps");
      const overflow = await page.locator("#control-feed article").evaluateAll((a) => a.filter((x) => x.scrollWidth > x.clientWidth + 1).length);
      assert.equal(overflow, 0, "no post is wider than the feed");
      await shot(page, "31-components-375");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe("keyboard only", () => {
  it("posts with Ctrl+Enter, likes with Space and comments with Enter, without a mouse", async () => {
    const id = await newContact("Kai", unique("Keys"));
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      const focused = (selector) => page.evaluate((s) => !!document.activeElement?.matches(s), selector);
      const tabTo = async (selector, max = 40) => {
        for (let n = 0; n < max && !(await focused(selector)); n++) await page.keyboard.press("Tab");
        assert.ok(await focused(selector), `${selector} is reachable with Tab`);
      };
      await tabTo("#control-feed .rf-composer textarea");
      await page.keyboard.type("Typed without a mouse #keyboard");
      await page.keyboard.press("Control+Enter");
      await page.locator("#control-feed article").first().waitFor({ timeout: 10000 });
      const items = (await feed("contact", id)).items;
      assert.equal(items.length, 1);
      assert.equal(items[0].text, "Typed without a mouse #keyboard");
      await page.waitForFunction((pid) => document.activeElement?.dataset?.id === pid, items[0].id, { timeout: 5000 });

      await tabTo("#control-feed .rf-like");
      await page.keyboard.press("Space");
      await page.locator('#control-feed .rf-like[aria-pressed="true"]').waitFor();
      assert.equal((await feed("contact", id)).items[0].likeCount, 1);

      await tabTo("#control-feed .rf-comment-toggle");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.matches(".rf-comment-input"), null, { timeout: 5000 });
      await page.keyboard.type("Noted, by keyboard");
      await page.keyboard.press("Enter");
      await page.locator("#control-feed .rf-comment", { hasText: "Noted, by keyboard" }).waitFor();
      const saved = (await feed("contact", id)).items[0];
      assert.equal(saved.commentCount, 1);
      assert.equal(saved.latestComments[0].text, "Noted, by keyboard");
      await shot(page, "32-components-keyboard");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe("mentions in the composer", () => {
  it("suggests people for @Gra, picks one with the keyboard and posts the mention the API then returns", async () => {
    const id = await newContact("Mia", unique("Mention"));
    const grace = (await api("GET", "systemusers?$select=fullname&$filter=fullname eq 'Grace Hopper'")).json.value[0].systemuserid;
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      const box = page.locator("#control-feed .rf-composer textarea");
      await box.click();
      await box.pressSequentially("Call with @Gra", { delay: 10 });
      await page.locator('#control-feed [role="option"]', { hasText: "Grace Hopper" }).waitFor({ timeout: 10000 });
      assert.match(await box.getAttribute("aria-activedescendant"), /-opt-0$/);
      await page.keyboard.press("Enter");
      assert.equal(await box.inputValue(), "Call with @Grace Hopper ");
      await page.keyboard.press("Control+Enter");
      await page.locator("#control-feed article a.rf-mention").waitFor({ timeout: 10000 });
      const item = (await feed("contact", id)).items[0];
      assert.deepEqual(item.mentions.map((m) => [m.table, m.id, m.name]), [["systemuser", grace, "Grace Hopper"]]);
      assert.equal(await page.locator(`#control-feed a.rf-mention[data-id="${grace}"]`).textContent(), "@Grace Hopper");
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe("editing a post", () => {
  it("edits from the overflow menu with the keyboard, and the earlier version is shown under (edited)", async () => {
    const id = await newContact("Eda", unique("Edit"));
    const postId = await create("rapport_posts", { rapport_text: "First draft #draft", rapport_regardingtable: "contact", rapport_regardingid: id });
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      const a = article(page, postId);
      await a.locator(".rf-overflow").focus();
      await page.keyboard.press("Enter");
      await page.locator('[role="menuitem"]', { hasText: "Edit" }).waitFor();
      await page.keyboard.press("Enter");
      const editor = a.locator("textarea");
      await editor.waitFor();
      assert.equal(await editor.inputValue(), "First draft #draft");
      await editor.fill("Final text #draft");
      await page.keyboard.press("Control+Enter");
      await a.locator(".rf-edited").waitFor({ timeout: 10000 });
      const saved = (await feed("contact", id)).items[0];
      assert.equal(saved.text, "Final text #draft");
      assert.equal(saved.edited, true);
      await a.locator(".rf-edited").click();
      await a.locator(".rf-history-list li").first().waitFor({ timeout: 10000 });
      assert.deepEqual(await a.locator(".rf-history-list .rf-text").allTextContents(), ["First draft #draft"]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe("hostile text in the components", () => {
  // Payloads in the style of the OWASP XSS filter evasion cheat sheet, in every place a user's text reaches the page.
  const PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<svg/onload=alert(1)>",
    '"><iframe src="javascript:alert(1)">',
    "<a href=\"javascript:alert(1)\">click</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "javascript:alert(1)",
    "{{constructor.constructor('alert(1)')()}}",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  ];

  it("renders posts, comments, topics, mention names and record names as text and runs nothing", async () => {
    const hostileName = `<img src=x onerror=alert(1)>${unique("")}`;
    const id = await create("contacts", { firstname: "Xss", lastname: hostileName });
    const grace = (await api("GET", "systemusers?$select=fullname&$filter=fullname eq 'Grace Hopper'")).json.value[0].systemuserid;
    for (const p of PAYLOADS) await create("rapport_posts", { rapport_text: p, rapport_regardingtable: "contact", rapport_regardingid: id });
    const topicPost = await create("rapport_posts", { rapport_text: `#[<img src=x onerror=alert(1)>] and @[systemuser,${grace},"<script>alert(1)</script>"]`, rapport_regardingtable: "contact", rapport_regardingid: id });
    for (const p of PAYLOADS.slice(0, 3)) await create("rapport_comments", { rapport_text: p, "rapport_postid@odata.bind": `/rapport_posts(${topicPost})` });
    const { context, page, problems } = await openComponentForm(browser, "contact", id);
    try {
      await page.evaluate(() => {
        window.__ran = false;
        window.alert = () => (window.__ran = true);
      });
      const texts = await page.locator("#control-feed article > .rf-body > .rf-text").allTextContents();
      for (const p of PAYLOADS) assert.ok(texts.includes(p), `shown as text: ${p}`);
      // Where the payloads are shown (posts, comments, topics, mentions, the title): no element made from them.
      assert.equal(await page.locator("#control-feed article :is(img, script, iframe, svg, details, math, body), #form-title *").count(), 0);
      assert.equal(await page.locator("body script:not([src])").count(), 0, "no inline script was added to the page");
      assert.equal(await page.locator("#control-feed a[href^='javascript']").count(), 0);
      assert.equal(await page.locator("#form-title").textContent(), `Xss ${hostileName}`);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.__ran), false);
      await shot(page, "33-components-hostile-text");
      assert.deepEqual(problems, [], "no dialog and no page error");
    } finally {
      await context.close();
    }
  });
});

describe("accessibility", () => {
  it("axe-core finds no serious or critical violation on the form at 1366 and 375 px", async () => {
    const id = await contactByName("Ann Abbot");
    for (const viewport of [{ width: 1366, height: 900 }, { width: 375, height: 812 }]) {
      const { context, page } = await openComponentForm(browser, "contact", id, viewport);
      try {
        await page.locator("#control-insights .ri-title").waitFor();
        await page.locator("#commandbar[data-ready]").waitFor();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ["violations"] });
          return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
        });
        assert.deepEqual(violations, [], `at ${viewport.width} px`);
      } finally {
        await context.close();
      }
    }
  });
});

describe("unreadable record", () => {
  it("says only 'You don't have access to this record': no name, no composer, no counts", async () => {
    const ada = (await api("GET", "systemusers?$select=fullname&$filter=fullname eq 'Ada Lovelace'")).json.value[0].systemuserid;
    // The administrator's contact in the root business unit is outside Ada Lovelace's Local read.
    const id = await create("contacts", { firstname: "Board", lastname: unique("Secret") });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      const response = await page.goto(componentFormUrl("contact", id, ada));
      assert.equal(response.status(), 403);
      assert.equal(await page.locator("h1").textContent(), "You don't have access to this record");
      const body = await page.locator("body").textContent();
      assert.ok(!body.includes("Board") && !body.includes("Secret"), "no record name");
      assert.equal(await page.locator("textarea, .rf-composer").count(), 0, "no composer");
      assert.doesNotMatch(body, /follower|like|comment/i, "no counts");
      await shot(page, "34-components-no-access");
    } finally {
      await context.close();
    }
  });
});
