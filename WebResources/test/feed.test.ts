import { describe, expect, it, vi } from "vitest";
import { FeedView } from "../src/feed/view";
import { articles, button, composer, executeCalls, fixture, feedOf, key, ME, mountFeed, RECORD, settled, type } from "./helpers";

describe("feed on a record form", () => {
  it("shows the record's posts as articles in a feed with relative times and the follower count", async () => {
    const { root } = mountFeed();
    expect(feedOf(root).getAttribute("aria-busy")).toBe("true");
    expect(root.textContent).toContain("Loading…");
    await settled(root);
    const posts = articles(root);
    expect(posts.map((a) => a.querySelector(".rf-author")?.textContent)).toEqual(["Ana Lima", "Ben Okafor", "Anita Rossi"]);
    expect(posts[0].getAttribute("aria-posinset")).toBe("1");
    expect(posts[0].getAttribute("aria-setsize")).toBe("3");
    expect(posts[0].querySelector("time")?.textContent).toBe("3 min ago");
    expect(root.querySelector(".rf-followers")?.textContent).toBe("2 followers");
    expect(button(root, "Follow").getAttribute("aria-pressed")).toBe("false");
  });

  it("renders mentions as links with the name and topics as filter buttons", async () => {
    const s = mountFeed();
    await settled(s.root);
    const first = articles(s.root)[0];
    const mention = first.querySelector<HTMLAnchorElement>("a.rf-mention")!;
    expect(mention.textContent).toBe("@Ben Okafor");
    expect(first.textContent).not.toContain("@[systemuser");
    mention.click();
    expect(s.fake.calls.at(-1)).toMatchObject({ op: "openForm", params: { entityName: "systemuser", entityId: "22222222-2222-4222-8222-222222222222" } });

    button(first, "#major gifts").click();
    await settled(s.root);
    expect(executeCalls(s, "rapport_GetFeed").at(-1)!.params.Topic).toBe("major gifts");
    expect(articles(s.root)).toHaveLength(1);
    const chip = s.root.querySelector<HTMLButtonElement>(".rf-topic-filter button")!;
    expect(chip.getAttribute("aria-label")).toBe("Clear topic filter major gifts");
    chip.click();
    await settled(s.root);
    expect(articles(s.root)).toHaveLength(3);
  });

  it("shows auto-post changes as old → new", async () => {
    const { root } = mountFeed();
    await settled(root);
    const auto = articles(root)[1];
    expect(auto.querySelector(".rf-badge")?.textContent).toBe("Auto post");
    expect(auto.querySelector(".rf-changes li")?.textContent).toBe("Giving target: $10,000 → $25,000");
  });

  it("posting a script tag renders it as text, never as markup", async () => {
    const s = mountFeed();
    await settled(s.root);
    const evil = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">`;
    type(composer(s.root), evil);
    button(s.root.querySelector(".rf-composer")!, "Post").click();
    await vi.waitFor(() => expect(articles(s.root)).toHaveLength(4));
    const posted = articles(s.root)[0];
    expect(posted.querySelector(".rf-text")?.textContent).toBe(evil);
    expect(s.root.querySelector("script, img")).toBeNull();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it("Ctrl+Enter in the composer posts, plain Enter does not, and focus moves to the new post", async () => {
    const s = mountFeed();
    await settled(s.root);
    const box = composer(s.root);
    type(box, "Board meeting went well #board");
    key(box, "Enter");
    expect(s.fake.calls.some((c) => c.op === "createRecord")).toBe(false);
    key(box, "Enter", { ctrlKey: true });
    await vi.waitFor(() => expect(document.activeElement?.tagName).toBe("ARTICLE"));
    const create = s.fake.calls.find((c) => c.op === "createRecord")!;
    expect(create).toMatchObject({
      name: "rapport_post",
      params: { rapport_text: "Board meeting went well #board", rapport_regardingtable: "account", rapport_regardingid: RECORD },
    });
    expect(document.activeElement?.querySelector(".rf-text")?.textContent).toBe("Board meeting went well #board");
    expect(box.value).toBe("");
    await vi.waitFor(() => expect(s.root.querySelector("[role=status]")?.textContent).toBe("Your post was published."));
  });

  it("@mention autocomplete offers users, teams and records and writes the mention token", async () => {
    const s = mountFeed();
    await settled(s.root);
    const box = composer(s.root);
    type(box, "Thanks @An");
    const listbox = s.root.querySelector<HTMLElement>("[role=listbox]")!;
    await vi.waitFor(() => expect(listbox.hidden).toBe(false));
    const options = [...listbox.querySelectorAll("[role=option]")].map((o) => o.textContent);
    expect(options).toEqual(["Ana LimaUser", "Anita RossiUser", "Anders BergContact", "Anaheim ArtsAccount"]);
    expect(box.getAttribute("aria-activedescendant")).toBe(listbox.querySelector("[role=option]")!.id);
    key(box, "ArrowDown");
    key(box, "ArrowDown");
    key(box, "Enter");
    expect(box.value).toBe("Thanks @Anders Berg ");
    expect(listbox.hidden).toBe(true);
    type(box, box.value + "for the gift");
    key(box, "Enter", { ctrlKey: true });
    await vi.waitFor(() => expect(s.fake.calls.some((c) => c.op === "createRecord")).toBe(true));
    expect(s.fake.calls.find((c) => c.op === "createRecord")!.params.rapport_text).toBe(
      'Thanks @[contact,55555555-5555-4555-8555-555555555555,"Anders Berg"] for the gift',
    );
  });

  it("next page uses the continuation token and appends", async () => {
    const s = mountFeed({ view: { pageSize: 2 } });
    await settled(s.root);
    expect(articles(s.root)).toHaveLength(2);
    expect(articles(s.root)[1].getAttribute("aria-setsize")).toBe("-1");
    button(s.root, "Load more").click();
    await settled(s.root);
    const calls = executeCalls(s, "rapport_GetFeed");
    expect(calls[0].params.ContinuationToken).toBeUndefined();
    expect(calls[1].params).toMatchObject({ ContinuationToken: "page:2", PageSize: 2, Scope: "record" });
    expect(articles(s.root)).toHaveLength(3);
    expect(s.root.querySelector<HTMLButtonElement>(".rf-more")!.hidden).toBe(true);
  });

  it("follow button label flips and the follower count updates", async () => {
    const s = mountFeed();
    await settled(s.root);
    const follow = button(s.root, "Follow");
    follow.click();
    await vi.waitFor(() => expect(follow.textContent).toBe("Unfollow"));
    expect(follow.getAttribute("aria-pressed")).toBe("true");
    expect(s.root.querySelector(".rf-followers")?.textContent).toBe("3 followers");
    expect(executeCalls(s, "rapport_Follow")[0].params).toEqual({ RecordTable: "account", RecordId: RECORD });
    follow.click();
    await vi.waitFor(() => expect(follow.textContent).toBe("Follow"));
    expect(s.root.querySelector(".rf-followers")?.textContent).toBe("2 followers");
  });

  it("like toggles pressed state and count", async () => {
    const s = mountFeed();
    await settled(s.root);
    const first = articles(s.root)[0];
    const like = button(first, "Like");
    expect(first.textContent).toContain("1 like");
    like.click();
    await vi.waitFor(() => expect(like.getAttribute("aria-pressed")).toBe("true"));
    expect(first.textContent).toContain("2 likes");
    expect(executeCalls(s, "rapport_SetLike")[0].params).toEqual({ PostId: "0000000a-0000-4000-8000-000000000001", Liked: true });
  });

  it("comments are added under the post", async () => {
    const s = mountFeed();
    await settled(s.root);
    const post = articles(s.root)[2];
    button(post, "Comment").click();
    const input = post.querySelector<HTMLInputElement>(".rf-comment-input")!;
    expect(document.activeElement).toBe(input);
    type(input, "Welcome aboard <b>Anders</b>");
    key(input, "Enter");
    await vi.waitFor(() => expect(post.querySelectorAll(".rf-comment")).toHaveLength(1));
    expect(post.querySelector(".rf-comment .rf-text")?.textContent).toBe("Welcome aboard <b>Anders</b>");
    expect(post.querySelector("b")).toBeNull();
    expect(s.fake.calls.find((c) => c.op === "createRecord")!.params).toEqual({
      rapport_text: "Welcome aboard <b>Anders</b>",
      "rapport_postid@odata.bind": "/rapport_posts(0000000a-0000-4000-8000-000000000003)",
    });
    expect(post.textContent).toContain("1 comment");
  });

  it("edit of my own post saves, shows the edited marker and its history", async () => {
    const s = mountFeed();
    await settled(s.root);
    // the third post is by someone else: no Edit / Delete there
    expect(() => button(articles(s.root)[2], "Edit")).toThrow();
    const mine = articles(s.root)[0];
    button(mine, "Edit").click();
    const editor = mine.querySelector<HTMLTextAreaElement>("textarea")!;
    expect(editor.value).toBe("Met @Ben Okafor about the spring gala #fundraising #[major gifts]");
    type(editor, editor.value.replace("spring gala", "winter gala"));
    button(mine, "Save").click();
    await vi.waitFor(() => expect(s.fake.calls.some((c) => c.op === "updateRecord")).toBe(true));
    expect(s.fake.calls.find((c) => c.op === "updateRecord")!.params.rapport_text).toBe(
      'Met @[systemuser,22222222-2222-4222-8222-222222222222,"Ben Okafor"] about the winter gala #fundraising #[major gifts]',
    );
    const updated = await vi.waitFor(() => {
      const a = articles(s.root)[0];
      expect(a.querySelector(".rf-text")?.textContent).toContain("winter gala");
      return a;
    });
    expect(document.activeElement).toBe(updated);
    const marker = button(updated, "(edited)");
    marker.click();
    await vi.waitFor(() => expect(updated.querySelectorAll(".rf-history-list li")).toHaveLength(2));
    expect(marker.getAttribute("aria-expanded")).toBe("true");
    expect(updated.querySelector(".rf-history-list li .rf-text")?.textContent).toContain("spring gala");
  });

  it("delete asks for confirmation, removes the post and moves focus", async () => {
    const s = mountFeed();
    await settled(s.root);
    const mine = articles(s.root)[0];
    button(mine, "Delete").click();
    await vi.waitFor(() => expect(articles(s.root)).toHaveLength(2));
    expect(s.fake.calls.find((c) => c.op === "openConfirmDialog")!.params).toMatchObject({ title: "Delete post" });
    expect(s.fake.calls.find((c) => c.op === "deleteRecord")!.params).toEqual({ id: "0000000a-0000-4000-8000-000000000001" });
    expect(document.activeElement).toBe(articles(s.root)[0]);
  });

  it("cancelled delete keeps the post", async () => {
    const s = mountFeed({ fake: { confirm: false } });
    await settled(s.root);
    button(articles(s.root)[0], "Delete").click();
    await vi.waitFor(() => expect(s.fake.calls.some((c) => c.op === "openConfirmDialog")).toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    expect(s.fake.calls.some((c) => c.op === "deleteRecord")).toBe(false);
    expect(articles(s.root)).toHaveLength(3);
  });

  it("kind filter is sent to the server", async () => {
    const s = mountFeed();
    await settled(s.root);
    const select = s.root.querySelector<HTMLSelectElement>(".rf-filters select")!;
    select.value = "auto";
    select.dispatchEvent(new Event("change"));
    await settled(s.root);
    expect(executeCalls(s, "rapport_GetFeed").at(-1)!.params.Kind).toBe("auto");
    expect(articles(s.root)).toHaveLength(1);
  });

  it("shows an error with a retry that works", async () => {
    const s = mountFeed({ fake: { failures: { rapport_GetFeed: "Service unavailable" } } });
    await settled(s.root);
    expect(s.root.querySelector(".rf-error [role=alert]")?.textContent).toBe("Something went wrong: Service unavailable");
    expect(articles(s.root)).toHaveLength(0);
    delete s.fake.options.failures;
    button(s.root, "Try again").click();
    await settled(s.root);
    expect(articles(s.root)).toHaveLength(3);
  });

  it("shows the empty state", async () => {
    const { root } = mountFeed({ fixture: { ...fixture, posts: [] } });
    await settled(root);
    expect(root.querySelector(".rf-state")?.textContent).toBe("No posts yet. Start the conversation.");
  });

  it("PageDown moves focus to the next article", async () => {
    const { root } = mountFeed();
    await settled(root);
    const [a, b] = articles(root);
    a.focus();
    key(a, "PageDown");
    expect(document.activeElement).toBe(b);
    key(b, "PageUp");
    expect(document.activeElement).toBe(a);
  });

  it("asks to save a new record first and calls nothing", () => {
    const s = mountFeed();
    const root = document.createElement("main");
    document.body.append(root);
    const before = s.fake.calls.length;
    new FeedView(root, { xrm: s.fake.xrm, formContext: s.fake.formContext({ table: "account", id: "", name: "" }) });
    expect(root.textContent).toContain("Save the record to see and write its feed.");
    expect(root.querySelector("textarea")).toBeNull();
    expect(s.fake.calls.length).toBe(before);
  });
});

describe("feed on a dashboard", () => {
  it("has My feed and Mentions tabs; Mentions asks for the mentions scope", async () => {
    const s = mountFeed({ dashboard: true });
    await settled(s.root);
    const tabs = [...s.root.querySelectorAll<HTMLButtonElement>("[role=tab]")];
    expect(tabs.map((t) => [t.textContent, t.getAttribute("aria-selected")])).toEqual([["My feed", "true"], ["Mentions", "false"]]);
    expect(executeCalls(s, "rapport_GetFeed")[0].params.Scope).toBe("my");
    expect(articles(s.root)).toHaveLength(4);
    expect(articles(s.root)[3].querySelector(".rf-regarding")?.textContent).toBe("Anaheim Arts");
    tabs[1].click();
    await settled(s.root);
    expect(executeCalls(s, "rapport_GetFeed").at(-1)!.params).toEqual({ Scope: "mentions", PageSize: 25 });
    expect(tabs[1].getAttribute("aria-selected")).toBe("true");
    expect(articles(s.root).map((a) => a.querySelector(".rf-author")?.textContent)).toEqual(["Anita Rossi"]);
  });

  it("posts from the dashboard are regarding the signed-in user; no follow button", async () => {
    const s = mountFeed({ dashboard: true });
    await settled(s.root);
    expect(s.root.querySelector(".rf-follow")).toBeNull();
    type(composer(s.root), "Hello team");
    key(composer(s.root), "Enter", { ctrlKey: true });
    await vi.waitFor(() => expect(s.fake.calls.some((c) => c.op === "createRecord")).toBe(true));
    expect(s.fake.calls.find((c) => c.op === "createRecord")!.params).toMatchObject({ rapport_regardingtable: "systemuser", rapport_regardingid: ME });
  });
});

describe("localisation", () => {
  it("renders in French for languageId 1036", async () => {
    const { root } = mountFeed({ languageId: 1036 });
    await settled(root);
    expect(root.getAttribute("lang")).toBe("fr-FR");
    expect(button(root, "Publier")).toBeTruthy();
    expect(button(root, "Suivre")).toBeTruthy();
    expect(articles(root)[0].querySelector("time")?.textContent).toBe("il y a 3 min");
    expect(root.querySelector(".rf-followers")?.textContent).toBe("2 abonnés");
  });
});
