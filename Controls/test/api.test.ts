import { describe, expect, it } from "vitest";
import { ApiError, RapportApi, isNoAccess, normalizeItem, toApiError } from "../shared/api";

describe("errors", () => {
  // Dataverse error codes as the Web API returns them (hex strings), e.g. 0x80040220 "PrivilegeDenied":
  // https://learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
  it("treats HTTP 403, 0x80040220 and 0x80048306 as no access, anything else not", () => {
    expect(isNoAccess(new ApiError("x", undefined, 403))).toBe(true);
    expect(isNoAccess(toApiError({ errorCode: "0x80040220", message: "Principal user is missing prvReadContact" }))).toBe(true);
    expect(isNoAccess(toApiError({ errorCode: -2147187962, message: "no access" }))).toBe(true);
    expect(isNoAccess(new ApiError("boom", 0x80040216 | 0, 500))).toBe(false);
    expect(isNoAccess(new Error("403"))).toBe(false);
  });
});

describe("Custom API calls", () => {
  it("calls rapport_GetFeed as a function with aliased, quoted, URL-encoded parameters and reads the JSON items", async () => {
    const calls: string[] = [];
    const fetcher = (async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ Items: JSON.stringify([{ id: "{AA}", kind: "userPost", text: "Hi @Ann", mentions: [{ table: "contact", id: "C1", name: "Ann", start: 3, length: 4 }], author: { table: "systemuser", id: "u", name: "U" } }]), ContinuationToken: "t2", FollowerCount: 3 }), { status: 200 });
    }) as unknown as typeof fetch;
    const api = new RapportApi({} as never, "https://org.example/", fetcher);
    const page = await api.getFeed({ scope: "record", recordTable: "contact", recordId: "{ABC}", topic: "o'neil & co", pageSize: 25 });
    expect(calls[0]).toBe(
      "https://org.example/api/data/v9.2/rapport_GetFeed(Scope=@p0,RecordTable=@p1,RecordId=@p2,Topic=@p3,PageSize=@p4)?@p0='record'&@p1='contact'&@p2='abc'&@p3='o''neil%20%26%20co'&@p4=25",
    );
    expect(page.items[0]).toMatchObject({ id: "aa", kind: "user", text: 'Hi @[contact,c1,"Ann"]', likeCount: 0, commentCount: 0, latestComments: [] });
    expect(page.continuationToken).toBe("t2");
    expect(page.followerCount).toBe(3);
  });

  it("turns a Web API error body into an ApiError with the code and status", async () => {
    const fetcher = (async () => new Response(JSON.stringify({ error: { code: "0x80040220", message: "missing prvReadContact" } }), { status: 403 })) as unknown as typeof fetch;
    const api = new RapportApi({} as never, "https://org.example", fetcher);
    const e = await api.getInsights("contact", "x").catch((x) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(403);
    expect(e.code).toBe(0x80040220 | 0);
    expect(isNoAccess(e)).toBe(true);
  });

  it("keeps auto-post labels and maps kinds", () => {
    const item = normalizeItem({ id: "1", kind: "autoPost", text: "Email changed", changes: [{ column: "emailaddress1", label: "Email", old: null, new: "a@b" }] });
    expect(item.kind).toBe("auto");
    expect(item.changes?.[0].label).toBe("Email");
  });
});
