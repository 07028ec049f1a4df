/// <reference types="xrm" />
/**
 * In-memory fake of the part of the client API Rapport's web resources call (Xrm.WebApi execute +
 * table operations, Utility.getGlobalContext, Navigation), backed by a JSON fixture. Used by the
 * browser harness pages and by the component tests. Not shipped to Dataverse.
 */
import type { FeedItem, Insights } from "../src/shared/api";
import { extractMentions, extractTopics, topicKey, type RecordRef } from "../src/shared/mentions";
import defaultFixture from "./fixture.json";

export interface Fixture {
  me: { id: string; name: string; languageId?: number };
  record: RecordRef;
  tracked: string[];
  tables: Record<string, Record<string, unknown>[]>;
  posts: FeedItem[];
  revisions: { postId: string; text: string; createdOn: string }[];
  follows: { table: string; id: string; followerId: string }[];
  likes: { postId: string; userId: string }[];
  insights: Record<string, Insights>;
}

export interface Call {
  op: string;
  name: string;
  params: Record<string, unknown>;
}

export interface FakeOptions {
  now?: () => Date;
  latencyMs?: number;
  confirm?: boolean;
  /** Names of operations (e.g. "rapport_GetFeed") that fail with this message. */
  failures?: Record<string, string>;
}

const ID_FIELDS: Record<string, string> = { systemuser: "systemuserid", team: "teamid", contact: "contactid", account: "accountid" };

export interface Fake {
  xrm: Xrm.XrmStatic;
  store: Fixture;
  calls: Call[];
  options: FakeOptions;
  formContext(ref?: RecordRef): Xrm.FormContext;
}

let seq = 0;
function newId(): string {
  seq += 1;
  const hex = (Date.now().toString(16) + seq.toString(16).padStart(6, "0")).padStart(20, "0").slice(-20);
  return `00000000-0000-4000-8${hex.slice(0, 3)}-${hex.slice(3, 15)}`;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function respond(body: unknown): Xrm.ExecuteResponse {
  return {
    ok: true,
    status: 200,
    statusText: "OK",
    type: "basic",
    url: "",
    redirected: false,
    headers: {},
    body: null,
    json: () => Promise.resolve(body),
    text: () => Promise.resolve(JSON.stringify(body)),
  } as unknown as Xrm.ExecuteResponse;
}

export function createFakeXrm(fixture: Fixture = defaultFixture as unknown as Fixture, options: FakeOptions = {}): Fake {
  const store = clone(fixture);
  const calls: Call[] = [];
  const now = options.now ?? (() => new Date());
  const me: RecordRef = { table: "systemuser", id: store.me.id, name: store.me.name };
  const wait = <T>(op: string, name: string, fn: () => T): Promise<T> =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        const failure = options.failures?.[name];
        if (failure) reject({ errorCode: 500, message: failure });
        else {
          try {
            resolve(fn());
          } catch (e) {
            reject({ errorCode: 400, message: e instanceof Error ? e.message : String(e) });
          }
        }
      }, options.latencyMs ?? 0);
      void op;
    });

  const followerCount = (table: string, id: string) => store.follows.filter((f) => f.table === table && f.id === id).length;
  const isFollowing = (table: string, id: string) => store.follows.some((f) => f.table === table && f.id === id && f.followerId === me.id);
  const decorate = (p: FeedItem): FeedItem => ({
    ...p,
    likeCount: store.likes.filter((l) => l.postId === p.id).length,
    likedByMe: store.likes.some((l) => l.postId === p.id && l.userId === me.id),
    commentCount: p.latestComments?.length ?? 0,
    latestComments: (p.latestComments ?? []).slice(-3),
  });

  const apis: Record<string, (p: Record<string, unknown>) => unknown> = {
    rapport_GetFeed(p) {
      const scope = String(p.Scope);
      const table = p.RecordTable as string | undefined;
      const id = p.RecordId as string | undefined;
      let items = store.posts.filter((post) => {
        if (scope === "record") return (post.regarding?.table === table && post.regarding?.id === id) || (post.mentions ?? []).some((m) => m.id === id);
        if (scope === "mentions") return (post.mentions ?? []).some((m) => m.id === me.id);
        return true;
      });
      if (p.Kind) items = items.filter((i) => i.kind === p.Kind);
      if (p.Table) items = items.filter((i) => i.regarding?.table === p.Table);
      if (p.Topic) items = items.filter((i) => (i.topics ?? []).some((t) => topicKey(t) === topicKey(String(p.Topic))));
      items = [...items].sort((a, b) => b.createdOn.localeCompare(a.createdOn));
      const size = Math.min(Number(p.PageSize ?? 25), 100);
      const start = p.ContinuationToken ? Number(String(p.ContinuationToken).replace("page:", "")) : 0;
      const page = items.slice(start, start + size).map(decorate);
      const next = start + size < items.length ? `page:${start + size}` : "";
      return {
        Items: JSON.stringify(page),
        ContinuationToken: next,
        FollowerCount: table && id ? followerCount(table, id) : 0,
        IsFollowing: table && id ? isFollowing(table, id) : false,
      };
    },
    rapport_GetFollowState(p) {
      const table = String(p.RecordTable), id = String(p.RecordId);
      return { IsFollowing: isFollowing(table, id), FollowerCount: followerCount(table, id), IsTracked: store.tracked.includes(table) };
    },
    rapport_Follow(p) {
      const table = String(p.RecordTable), id = String(p.RecordId);
      const already = isFollowing(table, id);
      if (!already) store.follows.push({ table, id, followerId: me.id });
      return { FollowId: newId(), AlreadyFollowing: already };
    },
    rapport_Unfollow(p) {
      const table = String(p.RecordTable), id = String(p.RecordId);
      const before = store.follows.length;
      store.follows = store.follows.filter((f) => !(f.table === table && f.id === id && f.followerId === me.id));
      return { Removed: store.follows.length < before };
    },
    rapport_SetLike(p) {
      const postId = String(p.PostId);
      store.likes = store.likes.filter((l) => !(l.postId === postId && l.userId === me.id));
      if (p.Liked) store.likes.push({ postId, userId: me.id });
      return { LikeCount: store.likes.filter((l) => l.postId === postId).length, Liked: !!p.Liked };
    },
    rapport_GetPostHistory(p) {
      const revisions = store.revisions
        .filter((r) => r.postId === String(p.PostId))
        .sort((a, b) => b.createdOn.localeCompare(a.createdOn))
        .map((r) => ({ text: r.text, editedOn: r.createdOn }));
      return { Revisions: JSON.stringify(revisions) };
    },
    rapport_GetCustomerInsights(p) {
      const insights = store.insights[`${p.RecordTable}:${p.RecordId}`];
      return { Insights: insights ? JSON.stringify(insights) : "" };
    },
  };

  const findPost = (id: string): FeedItem => {
    const post = store.posts.find((x) => x.id === id);
    if (!post) throw new Error(`rapport_post ${id} does not exist`);
    return post;
  };

  const webApi = {
    online: {
      execute(request: Record<string, unknown> & { getMetadata: () => { operationName: string; operationType: number } }) {
        const meta = request.getMetadata();
        const params = Object.fromEntries(Object.entries(request).filter(([k]) => k !== "getMetadata"));
        calls.push({ op: "execute", name: meta.operationName, params });
        const api = apis[meta.operationName];
        return wait("execute", meta.operationName, () => {
          if (!api) throw new Error(`unknown Custom API ${meta.operationName}`);
          return respond(api(params));
        });
      },
    },
    createRecord(table: string, data: Record<string, unknown>) {
      calls.push({ op: "createRecord", name: table, params: data });
      return wait("createRecord", `create:${table}`, () => {
        const id = newId();
        const at = now().toISOString();
        if (table === "rapport_post") {
          const text = String(data.rapport_text ?? "");
          store.posts.push({
            id,
            kind: "user",
            text,
            mentions: extractMentions(text),
            topics: extractTopics(text),
            regarding: { table: String(data.rapport_regardingtable), id: String(data.rapport_regardingid), name: String(data.rapport_regardingname ?? "") },
            author: me,
            createdOn: at,
            modifiedOn: at,
            edited: false,
            latestComments: [],
          });
        } else if (table === "rapport_comment") {
          const postId = /\(([^)]+)\)/.exec(String(data["rapport_postid@odata.bind"]))?.[1] ?? "";
          const post = findPost(postId);
          post.latestComments = [...(post.latestComments ?? []), { id, author: me, text: String(data.rapport_text ?? ""), createdOn: at }];
        } else {
          (store.tables[table] ??= []).push({ ...data, [`${table}id`]: id });
        }
        return { entityType: table, id };
      });
    },
    updateRecord(table: string, id: string, data: Record<string, unknown>) {
      calls.push({ op: "updateRecord", name: table, params: { id, ...data } });
      return wait("updateRecord", `update:${table}`, () => {
        if (table !== "rapport_post") throw new Error(`update of ${table} is not faked`);
        const post = findPost(id);
        const text = String(data.rapport_text ?? post.text);
        if (text !== post.text) {
          store.revisions.push({ postId: id, text: post.text, createdOn: post.modifiedOn ?? post.createdOn });
          post.text = text;
          post.mentions = extractMentions(text);
          post.topics = extractTopics(text);
          post.edited = true;
          post.modifiedOn = now().toISOString();
        }
        return { entityType: table, id };
      });
    },
    deleteRecord(table: string, id: string) {
      calls.push({ op: "deleteRecord", name: table, params: { id } });
      return wait("deleteRecord", `delete:${table}`, () => {
        findPost(id);
        store.posts = store.posts.filter((p) => p.id !== id);
        return { entityType: table, id };
      });
    },
    retrieveMultipleRecords(table: string, query = "") {
      calls.push({ op: "retrieveMultipleRecords", name: table, params: { query } });
      return wait("retrieveMultipleRecords", `retrieve:${table}`, () => {
        const m = /startswith\((\w+),'((?:[^']|'')*)'\)/.exec(query);
        const top = Number(/\$top=(\d+)/.exec(query)?.[1] ?? 5000);
        let rows = store.tables[table] ?? [];
        if (m) {
          const field = m[1];
          const value = decodeURIComponent(m[2]).replace(/''/g, "'").toLowerCase();
          rows = rows.filter((r) => String(r[field] ?? "").toLowerCase().startsWith(value));
        }
        const idField = ID_FIELDS[table];
        return { entities: rows.slice(0, top).map((r) => ({ ...r, [idField]: r[idField] })) };
      });
    },
  };

  const xrm = {
    WebApi: webApi,
    Utility: {
      getGlobalContext: () => ({
        userSettings: { userId: `{${store.me.id.toUpperCase()}}`, userName: store.me.name, languageId: store.me.languageId ?? 1033 },
        getClientUrl: () => "",
      }),
    },
    Navigation: {
      openForm: (o: unknown) => {
        calls.push({ op: "openForm", name: "", params: o as Record<string, unknown> });
        return Promise.resolve({ savedEntityReference: [] });
      },
      openConfirmDialog: (o: unknown) => {
        calls.push({ op: "openConfirmDialog", name: "", params: o as Record<string, unknown> });
        return Promise.resolve({ confirmed: options.confirm ?? true });
      },
      openErrorDialog: (o: unknown) => {
        calls.push({ op: "openErrorDialog", name: "", params: o as Record<string, unknown> });
        return Promise.resolve();
      },
    },
  } as unknown as Xrm.XrmStatic;

  const formContext = (ref: RecordRef = store.record): Xrm.FormContext =>
    ({
      data: {
        entity: {
          getId: () => (ref.id ? `{${ref.id.toUpperCase()}}` : ""),
          getEntityName: () => ref.table,
          getPrimaryAttributeValue: () => ref.name,
          addOnPostSave: () => undefined,
          removeOnPostSave: () => undefined,
        },
      },
      ui: { refreshRibbon: () => undefined },
    }) as unknown as Xrm.FormContext;

  return { xrm, store, calls, options, formContext };
}
