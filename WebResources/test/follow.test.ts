import { beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as Follow from "../src/commands/follow";

const ID = "AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA";
type Reply = Record<string, unknown>;

function setup(table: string, replies: Record<string, Reply | ((req: Reply) => Reply)>) {
  XrmMockGenerator.initialise({ entity: { entityName: table, id: `{${ID}}` } });
  const execute = vi.fn((req: Reply & { getMetadata: () => { operationName: string } }) => {
    const name = req.getMetadata().operationName;
    const reply = replies[name];
    if (!reply) return Promise.reject({ message: `no reply for ${name}` });
    const body = typeof reply === "function" ? reply(req) : reply;
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });
  });
  Xrm.WebApi.online.execute = execute as never;
  const formContext = XrmMockGenerator.getFormContext() as unknown as Xrm.FormContext;
  const refreshRibbon = vi.fn();
  formContext.ui.refreshRibbon = refreshRibbon;
  return { execute, formContext, refreshRibbon };
}

describe("follow command", () => {
  beforeEach(() => Follow.clearCache());

  it("enable rule hides the command for an untracked table", async () => {
    const { formContext } = setup("incident", { rapport_GetFollowState: { IsFollowing: false, FollowerCount: 0, IsTracked: false } });
    expect(await Follow.isEnabled(formContext)).toBe(false);
    expect(await Follow.isFollowVisible(formContext)).toBe(false);
    expect(await Follow.isUnfollowVisible(formContext)).toBe(false);
  });

  it("enable rule shows it for a tracked table and asks the server once per record", async () => {
    const { formContext, execute } = setup("account", { rapport_GetFollowState: { IsFollowing: false, FollowerCount: 2, IsTracked: true } });
    expect(await Follow.isEnabled(formContext)).toBe(true);
    expect(await Follow.label(formContext)).toBe("Follow");
    expect(await Follow.icon(formContext)).toBe("rapport_/icons/follow.svg");
    expect(await Follow.tooltip(formContext)).toBe("Follow this record (2 followers)");
    expect(execute).toHaveBeenCalledTimes(1);
    const req = execute.mock.calls[0][0];
    expect(req.RecordTable).toBe("account");
    expect(req.RecordId).toBe(ID.toLowerCase());
  });

  it("toggle follows, flips label and icon, updates the count and refreshes the command bar", async () => {
    const { formContext, execute, refreshRibbon } = setup("account", {
      rapport_GetFollowState: { IsFollowing: false, FollowerCount: 2, IsTracked: true },
      rapport_Follow: { FollowId: "F1", AlreadyFollowing: false },
      rapport_Unfollow: { Removed: true },
    });
    await Follow.toggle(formContext);
    expect(refreshRibbon).toHaveBeenCalled();
    expect(await Follow.label(formContext)).toBe("Unfollow");
    expect(await Follow.icon(formContext)).toBe("rapport_/icons/unfollow.svg");
    expect(await Follow.tooltip(formContext)).toBe("Stop following this record (3 followers)");
    expect(await Follow.isUnfollowVisible(formContext)).toBe(true);
    await Follow.toggle(formContext);
    expect(await Follow.label(formContext)).toBe("Follow");
    expect(await Follow.tooltip(formContext)).toBe("Follow this record (2 followers)");
    expect(execute.mock.calls.map((c) => c[0].getMetadata().operationName)).toEqual(["rapport_GetFollowState", "rapport_Follow", "rapport_Unfollow"]);
  });

  it("does not count twice when the server says the user already follows", async () => {
    const { formContext } = setup("account", {
      rapport_GetFollowState: { IsFollowing: false, FollowerCount: 5, IsTracked: true },
      rapport_Follow: { FollowId: "F1", AlreadyFollowing: true },
    });
    await Follow.toggle(formContext);
    expect(await Follow.tooltip(formContext)).toBe("Stop following this record (5 followers)");
  });

  it("announces the new count on the window for the form's feed, and nothing when the call fails", async () => {
    const { formContext } = setup("account", {
      rapport_GetFollowState: { IsFollowing: false, FollowerCount: 2, IsTracked: true },
      rapport_Follow: { FollowId: "F1", AlreadyFollowing: false },
    });
    const seen: unknown[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent).detail);
    window.addEventListener(Follow.FOLLOW_CHANGE_EVENT, listener);
    try {
      await Follow.toggle(formContext);
      Xrm.Navigation.openErrorDialog = vi.fn(() => Promise.resolve()) as never;
      await Follow.toggle(formContext); // no rapport_Unfollow reply: fails
    } finally {
      window.removeEventListener(Follow.FOLLOW_CHANGE_EVENT, listener);
    }
    expect(seen).toEqual([{ table: "account", id: ID.toLowerCase(), isFollowing: true, followerCount: 3 }]);
  });

  it("shows an error dialog when the action fails and keeps the state", async () => {
    const { formContext } = setup("account", { rapport_GetFollowState: { IsFollowing: false, FollowerCount: 1, IsTracked: true } });
    const openErrorDialog = vi.fn(() => Promise.resolve());
    Xrm.Navigation.openErrorDialog = openErrorDialog as never;
    await Follow.toggle(formContext);
    expect(openErrorDialog).toHaveBeenCalledWith({ message: "no reply for rapport_Follow" });
    expect(await Follow.label(formContext)).toBe("Follow");
  });

  it("is disabled on a new record without calling the server", async () => {
    XrmMockGenerator.initialise({ entity: { entityName: "account" } });
    (XrmMockGenerator.getFormContext().data.entity as unknown as { id: string }).id = ""; // unsaved
    const execute = vi.fn();
    Xrm.WebApi.online.execute = execute as never;
    expect(await Follow.isEnabled(XrmMockGenerator.getFormContext() as unknown as Xrm.FormContext)).toBe(false);
    expect(execute).not.toHaveBeenCalled();
  });
});
