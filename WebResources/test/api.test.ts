import { describe, expect, it, vi } from "vitest";
import { RapportApi, odataString } from "../src/shared/api";

function xrmWith(execute: (req: any) => unknown, retrieve?: (t: string, q: string) => unknown) {
  return { WebApi: { online: { execute: vi.fn(execute) }, retrieveMultipleRecords: vi.fn(retrieve ?? (() => Promise.resolve({ entities: [] }))) } } as any;
}
const ok = (body: unknown) => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });

describe("RapportApi", () => {
  it("calls rapport_GetFeed as an unbound function with typed parameters, skipping empty ones", async () => {
    const xrm = xrmWith(() => ok({ Items: "[]", ContinuationToken: "", FollowerCount: 3, IsFollowing: true }));
    const page = await new RapportApi(xrm).getFeed({ scope: "record", recordTable: "account", recordId: "{AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA}", pageSize: 25 });
    const req = xrm.WebApi.online.execute.mock.calls[0][0];
    expect(req.getMetadata()).toEqual({
      boundParameter: null,
      operationType: 1,
      operationName: "rapport_GetFeed",
      parameterTypes: {
        Scope: { typeName: "Edm.String", structuralProperty: 1 },
        RecordTable: { typeName: "Edm.String", structuralProperty: 1 },
        RecordId: { typeName: "Edm.String", structuralProperty: 1 },
        PageSize: { typeName: "Edm.Int32", structuralProperty: 1 },
      },
    });
    expect(req.RecordId).toBe("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
    expect("ContinuationToken" in req).toBe(false);
    expect(page).toEqual({ items: [], continuationToken: "", followerCount: 3, isFollowing: true });
  });

  it("maps the server's item shape: kind names, topic objects, mention offsets back to tokens", async () => {
    const id = "92ff45d4-3719-442a-ad12-255b1b0c7d46";
    const items = [{
      id: "p1", kind: "userPost", text: "Hi #fundraising @Ann \"A\" Abbot!",
      mentions: [{ table: "contact", id, name: 'Ann "A" Abbot', start: 16, length: 14 }],
      topics: [{ key: "fundraising", display: "Fundraising" }],
      author: { table: "systemuser", id: "u1", name: "Ada" }, createdOn: "2026-01-01T00:00:00Z",
      latestComments: [{ id: "c1", author: { table: "systemuser", id: "u1", name: "Ada" }, text: "@Ada thanks", createdOn: "2026-01-01T00:00:00Z",
        mentions: [{ table: "systemuser", id: "u1", name: "Ada", start: 0, length: 4 }] }],
    }, { id: "p2", kind: "autoPost", text: "email changed", author: { table: "systemuser", id: "u1", name: "Ada" }, createdOn: "2026-01-01T00:00:00Z" }];
    const xrm = xrmWith(() => ok({ Items: JSON.stringify(items), ContinuationToken: "" }));
    const page = await new RapportApi(xrm).getFeed({ scope: "my" });
    expect(page.items[0].kind).toBe("user");
    expect(page.items[0].text).toBe(`Hi #fundraising @[contact,${id},"Ann \\"A\\" Abbot"]!`);
    expect(page.items[0].topics).toEqual(["Fundraising"]);
    expect(page.items[0].mentions).toEqual([{ table: "contact", id, name: 'Ann "A" Abbot' }]);
    expect(page.items[0].latestComments?.[0].text).toBe('@[systemuser,u1,"Ada"] thanks');
    expect(page.items[1].kind).toBe("auto");
    expect(page.items[1].text).toBe("email changed");
  });

  it("calls actions with operationType 0 and a Boolean parameter", async () => {
    const xrm = xrmWith(() => ok({ LikeCount: 4, Liked: true }));
    expect(await new RapportApi(xrm).setLike("P1", true)).toEqual({ likeCount: 4, liked: true });
    const req = xrm.WebApi.online.execute.mock.calls[0][0];
    expect(req.getMetadata().operationType).toBe(0);
    expect(req.getMetadata().parameterTypes.Liked.typeName).toBe("Edm.Boolean");
  });

  it("surfaces the Web API error message", async () => {
    const xrm = xrmWith(() => Promise.reject({ errorCode: 0x80040220, message: "Principal user is missing prvReadrapport_post" }));
    await expect(new RapportApi(xrm).getFollowState("account", "x")).rejects.toThrow("prvReadrapport_post");
  });

  it("escapes quotes and URL characters in mention searches and merges the four tables", async () => {
    const xrm = xrmWith(
      () => ok({}),
      (t: string) => Promise.resolve({ entities: t === "team" ? [{ teamid: "T1", name: "O'Brien & Co" }] : [] }),
    );
    const found = await new RapportApi(xrm).searchMentions("O'Brien & C");
    const queries = xrm.WebApi.retrieveMultipleRecords.mock.calls.map((c: string[]) => `${c[0]} ${c[1]}`);
    expect(queries).toEqual([
      `systemuser ?$select=fullname,systemuserid&$filter=startswith(fullname,'${odataString("O'Brien & C")}') and isdisabled eq false&$top=5`,
      `team ?$select=name,teamid&$filter=startswith(name,'O''Brien%20%26%20C')&$top=5`,
      `contact ?$select=fullname,contactid&$filter=startswith(fullname,'O''Brien%20%26%20C')&$top=5`,
      `account ?$select=name,accountid&$filter=startswith(name,'O''Brien%20%26%20C')&$top=5`,
    ]);
    expect(found).toEqual([{ table: "team", id: "t1", name: "O'Brien & Co" }]);
  });
});
