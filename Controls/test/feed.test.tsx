import * as React from "react";
import * as ReactDOM from "react-dom";
import { act } from "react-dom/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FeedApp } from "../Feed/FeedApp";
import { ApiError, type FeedItem, type FeedPage } from "../shared/api";
import { env, settle } from "./helpers";

const item = (id: string, text: string, extra: Partial<FeedItem> = {}): FeedItem => ({
  id,
  kind: "user",
  text,
  author: { table: "systemuser", id: "33333333-3333-3333-3333-333333333333", name: "Grace Hopper" },
  createdOn: new Date().toISOString(),
  commentCount: 0,
  likeCount: 0,
  likedByMe: false,
  latestComments: [],
  ...extra,
});

const page = (items: FeedItem[], followerCount = 2): FeedPage => ({ items, continuationToken: "", followerCount, isFollowing: false });

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) ReactDOM.unmountComponentAtNode(root);
  root?.remove();
  root = null;
});

async function render(element: React.ReactElement): Promise<HTMLElement> {
  root = document.createElement("div");
  document.body.appendChild(root);
  await act(async () => {
    ReactDOM.render(element, root);
  });
  await act(() => settle());
  return root;
}

describe("Feed component", () => {
  it("shows the record's posts with authors, counts, mentions and topics as text", async () => {
    const getFeed = vi.fn(async () => page([item("p1", 'Thanks @[contact,11111111-1111-1111-1111-111111111111,"Ann Abbot"] #fundraising', { likeCount: 1, commentCount: 2 })]));
    const el = await render(<FeedApp env={env("Feed", { getFeed })} scope="record" />);
    expect(getFeed).toHaveBeenCalledWith(expect.objectContaining({ scope: "record", recordTable: "contact", recordId: "11111111-1111-1111-1111-111111111111" }));
    const post = el.querySelector('article[data-id="p1"]')!;
    expect(post.querySelector(".rf-author")!.textContent).toBe("Grace Hopper");
    expect(post.querySelector("a.rf-mention")!.textContent).toBe("@Ann Abbot");
    expect(post.querySelector(".rf-topic")!.textContent).toBe("#fundraising");
    expect([...post.querySelectorAll(".rf-count")].map((c) => c.textContent)).toEqual(["1 like", "2 comments"]);
    expect(el.querySelector(".rf-followers")!.textContent).toBe("2 followers");
    expect(el.querySelector(".rf-composer textarea")).not.toBeNull();
    // No Follow button in the feed: the command bar has the only one.
    expect([...el.querySelectorAll("button")].some((b) => /follow/i.test(b.textContent ?? ""))).toBe(false);
  });

  it("takes the follower count the command bar's Follow announces for this record, and ignores other records", async () => {
    const el = await render(<FeedApp env={env("Feed", { getFeed: async () => page([item("p1", "Hello")], 2) })} scope="record" />);
    const announce = (detail: object) => act(() => void window.dispatchEvent(new CustomEvent("rapport:followchange", { detail })));
    await announce({ table: "contact", id: "{22222222-2222-2222-2222-222222222222}", isFollowing: true, followerCount: 9 });
    expect(el.querySelector(".rf-followers")!.textContent).toBe("2 followers");
    await announce({ table: "contact", id: "{11111111-1111-1111-1111-111111111111}", isFollowing: true, followerCount: 3 });
    expect(el.querySelector(".rf-followers")!.textContent).toBe("3 followers");
  });

  it("renders hostile text as text: no element is created from a post", async () => {
    const payload = '<img src=x onerror="window.__ran=1"><script>window.__ran=1</script>';
    const el = await render(<FeedApp env={env("Feed", { getFeed: async () => page([item("p1", payload)]) })} scope="record" />);
    expect(el.querySelector("article .rf-text")!.textContent).toBe(payload);
    expect(el.querySelector("article img, article script")).toBeNull();
  });

  it("on an unreadable record says only that: no name, no composer, no counts", async () => {
    const getFeed = async () => {
      throw new ApiError("Principal user is missing prvReadContact", 0x80040220 | 0, 403);
    };
    const el = await render(<FeedApp env={env("Feed", { getFeed })} scope="record" />);
    expect(el.textContent).toBe("You don't have access to this record");
    expect(el.querySelector("textarea")).toBeNull();
    expect(el.textContent).not.toContain("Ann Abbot");
  });

  it("shows one short sentence and a Retry on a failure, the details only in the console", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let fail = true;
    const getFeed = vi.fn(async () => {
      if (fail) throw new ApiError("System.NullReferenceException at Rapport.Plugins.GetFeed(...)", 0x80040216 | 0, 500);
      return page([item("p1", "back")]);
    });
    const el = await render(<FeedApp env={env("Feed", { getFeed })} scope="record" />);
    expect(el.querySelector('[role="alert"]')!.textContent).toBe("The feed couldn't be loaded. Retry");
    expect(el.textContent).not.toContain("NullReference");
    expect(error).toHaveBeenCalled();
    fail = false;
    await act(async () => {
      (el.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    });
    await act(() => settle());
    expect(el.querySelector('article[data-id="p1"]')).not.toBeNull();
    error.mockRestore();
  });

  it("likes and comments through the API and shows the new counts", async () => {
    const setLike = vi.fn(async () => ({ liked: true, likeCount: 1 }));
    const addComment = vi.fn(async () => "c1");
    const el = await render(<FeedApp env={env("Feed", { getFeed: async () => page([item("p1", "Hello")]), setLike, addComment })} scope="record" />);
    await act(async () => {
      (el.querySelector(".rf-like") as HTMLButtonElement).click();
    });
    await act(() => settle());
    expect(setLike).toHaveBeenCalledWith("p1", true);
    expect(el.querySelector(".rf-like")!.getAttribute("aria-pressed")).toBe("true");
    expect(el.querySelector(".rf-count")!.textContent).toBe("1 like");

    await act(async () => {
      (el.querySelector(".rf-comment-toggle") as HTMLButtonElement).click();
    });
    const input = el.querySelector(".rf-comment-input") as HTMLInputElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      setter.call(input, "Will send the receipt");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    });
    await act(() => settle());
    expect(addComment).toHaveBeenCalledWith("p1", "Will send the receipt");
    expect(el.querySelector(".rf-comment .rf-text")!.textContent).toBe("Will send the receipt");
    expect(el.querySelectorAll(".rf-count")[1].textContent).toBe("1 comment");
  });

  it("shows an edited post's earlier versions from rapport_GetPostHistory, as text", async () => {
    const postHistory = vi.fn(async () => [{ text: "<b>first</b> draft #old", editedOn: "2026-01-02T10:00:00Z" }]);
    const el = await render(<FeedApp env={env("Feed", { getFeed: async () => page([item("p1", "final", { edited: true })]), postHistory })} scope="record" />);
    const edited = el.querySelector(".rf-edited") as HTMLButtonElement;
    expect(edited.getAttribute("aria-expanded")).toBe("false");
    await act(async () => {
      edited.click();
    });
    await act(() => settle());
    expect(postHistory).toHaveBeenCalledWith("p1");
    expect(edited.getAttribute("aria-expanded")).toBe("true");
    expect(el.querySelector(".rf-history-list .rf-text")!.textContent).toBe("<b>first</b> draft #old");
    expect(el.querySelector(".rf-history b")).toBeNull();
  });

  it("filters by kind through rapport_GetFeed's Kind parameter", async () => {
    const getFeed = vi.fn(async (q: { kind?: string }) => page(q.kind === "auto" ? [] : [item("p1", "Hello")]));
    const el = await render(<FeedApp env={env("Feed", { getFeed })} scope="record" />);
    const select = el.querySelector("select.rf-kind, .rf-kind select") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(["All posts", "Posts by people", "Changes (auto posts)", "System posts"]);
    await act(async () => {
      select.value = "auto";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await act(() => settle());
    expect(getFeed).toHaveBeenLastCalledWith(expect.objectContaining({ kind: "auto" }));
    expect(el.querySelector("article")).toBeNull();
    expect(el.querySelector(".rf-empty")!.textContent).toBe("No posts match this filter.");
  });

  it("explains an empty My feed: what appears there and how to follow", async () => {
    const el = await render(<FeedApp env={env("Feed", { getFeed: async () => page([]) }, null)} scope="my" />);
    expect(el.querySelector(".rf-empty")!.textContent).toBe("Nothing here yet: posts about the records you follow, and posts that mention you, appear here. To follow a record, open it and choose Follow on its command bar.");
  });
});
