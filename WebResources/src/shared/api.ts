/// <reference types="xrm" />
/** Typed access to Rapport's Custom APIs and tables through Xrm.WebApi (always asynchronous). */
import type { RecordRef } from "./mentions";

export type Kind = "user" | "auto" | "system";
export type Scope = "record" | "my" | "mentions";

export interface FeedComment {
  id: string;
  author: RecordRef;
  text: string;
  createdOn: string;
  mentions?: RecordRef[];
}

export interface FieldChange {
  column: string;
  label: string;
  old: string | null;
  new: string | null;
}

export interface FeedItem {
  id: string;
  kind: Kind;
  text: string;
  mentions?: RecordRef[];
  topics?: string[];
  regarding?: RecordRef | null;
  author: RecordRef;
  createdOn: string;
  modifiedOn?: string;
  edited?: boolean;
  changes?: FieldChange[];
  commentCount?: number;
  likeCount?: number;
  likedByMe?: boolean;
  latestComments?: FeedComment[];
}

export interface FeedQuery {
  scope: Scope;
  recordTable?: string;
  recordId?: string;
  kind?: Kind;
  table?: string;
  topic?: string;
  pageSize?: number;
  continuationToken?: string;
}

export interface FeedPage {
  items: FeedItem[];
  continuationToken: string;
  followerCount: number;
  isFollowing: boolean;
}

export interface FollowState {
  isFollowing: boolean;
  followerCount: number;
  isTracked: boolean;
}

export interface Insights {
  clv: number | null;
  currency?: string | null;
  pAlive: number | null;
  expectedTransactions12m: number | null;
  segment?: string | null;
  level?: string | null;
  scoredOn?: string | null;
  /** verdict: "Usable", "Usable with warnings" or "Unusable"; reasons say why in words. */
  model?: { kind?: string | null; fittedOn?: string | null; verdict?: string | null; reasons?: string | null } | null;
  /** The retention formulas with their inputs (rate r, average gift g, gifts per year f, margin, discount i). */
  retention?: {
    rate: number | null;
    rateSource: string;
    inputs: { g: number | null; f: number | null; margin: number | null; i: number | null };
    formulas: { name: string; formula: string; value: number | null }[];
  } | null;
  history?: { period: string; value: number | null }[] | null;
  /** The CLV's interval for the fitted parameters' uncertainty (level 0.9); null for models entered by hand. */
  clvInterval?: { low: number | null; high: number | null; level: number | null; basis?: string } | null;
  engagement?: { score: number | null; components?: { kind: string; label: string; points: number }[] | null } | null;
}

export interface Revision {
  text: string;
  createdOn: string;
  /** Dataverse's formatted date, when the source gives one. */
  createdOnText?: string;
}

export interface MentionCandidate extends RecordRef {}

type EdmType = "Edm.String" | "Edm.Int32" | "Edm.Boolean";
type Params = Record<string, [EdmType, string | number | boolean | undefined | null]>;

/** Xrm.WebApi rejects with { errorCode, message }; surface the message. */
export class ApiError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
    this.name = "ApiError";
  }
}

function toError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === "object" && "message" in e) {
    const o = e as { message?: unknown; errorCode?: unknown };
    return new ApiError(String(o.message), typeof o.errorCode === "number" ? o.errorCode : undefined);
  }
  return new ApiError(String(e));
}

export function cleanId(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

/** OData string literal value: quotes doubled, then URL-encoded so &, # and + survive the query string. */
export function odataString(value: string): string {
  return encodeURIComponent(value.replace(/'/g, "''"));
}

const MENTION_SOURCES: { table: string; idField: string; nameField: string; extraFilter?: string }[] = [
  { table: "systemuser", idField: "systemuserid", nameField: "fullname", extraFilter: "isdisabled eq false" },
  { table: "team", idField: "teamid", nameField: "name" },
  { table: "contact", idField: "contactid", nameField: "fullname" },
  { table: "account", idField: "accountid", nameField: "name" },
];

/** A mention as rapport_GetFeed writes it: in plain text "@Name" at [start, start + length). */
interface WireMention extends RecordRef {
  start?: number;
  length?: number;
}

type WireComment = Omit<FeedComment, "mentions"> & { mentions?: WireMention[] };

type WireItem = Omit<FeedItem, "kind" | "topics" | "mentions" | "latestComments"> & {
  kind: string;
  topics?: (string | { key?: string; display?: string })[];
  mentions?: WireMention[];
  latestComments?: WireComment[];
};

/**
 * The server sends plain text ("@Ana López") with each mention's offset and length; the view renders and
 * edits token text (@[table,id,"name"]). Rebuilds the tokens from the offsets; text without offsets is
 * taken as token text already.
 */
export function withMentionTokens(text: string, mentions: readonly WireMention[] | undefined): string {
  const placed = (mentions ?? [])
    .filter((m) => typeof m.start === "number" && typeof m.length === "number" && m.start >= 0 && m.start + m.length <= text.length)
    .sort((a, b) => (a.start as number) - (b.start as number));
  let out = "";
  let at = 0;
  for (const m of placed) {
    const start = m.start as number;
    if (start < at) continue;
    // The token as mentions.ts writes it (inlined: the follow command bundle need not carry the mention parser).
    const name = m.name.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    out += `${text.slice(at, start)}@[${m.table},${m.id.replace(/[{}]/g, "").toLowerCase()},"${name}"]`;
    at = start + (m.length as number);
  }
  return out + text.slice(at);
}

const KIND_NAMES: Record<string, Kind> = { user: "user", userpost: "user", auto: "auto", autopost: "auto", system: "system" };

/** Maps rapport_GetFeed's item (kind "userPost"/"autoPost", topic objects, mention offsets) to the view's shape. */
export function normalizeItem(w: WireItem): FeedItem {
  const strip = (ms: WireMention[] | undefined): RecordRef[] | undefined => ms?.map((m) => ({ table: m.table, id: m.id, name: m.name }));
  return {
    ...w,
    kind: KIND_NAMES[String(w.kind).toLowerCase()] ?? "system",
    text: withMentionTokens(w.text ?? "", w.mentions),
    mentions: strip(w.mentions),
    topics: w.topics?.map((t) => (typeof t === "string" ? t : (t.display ?? t.key ?? ""))).filter(Boolean),
    latestComments: w.latestComments?.map((c) => ({ ...c, text: withMentionTokens(c.text ?? "", c.mentions), mentions: strip(c.mentions) })),
  };
}

export class RapportApi {
  constructor(private readonly xrm: Xrm.XrmStatic) {}

  private async call<T>(name: string, kind: "function" | "action", params: Params): Promise<T> {
    const request: Record<string, unknown> = {};
    const parameterTypes: Record<string, { typeName: string; structuralProperty: number }> = {};
    for (const [key, [typeName, value]] of Object.entries(params)) {
      if (value === undefined || value === null || value === "") continue;
      request[key] = value;
      parameterTypes[key] = { typeName, structuralProperty: 1 };
    }
    request.getMetadata = () => ({
      boundParameter: null,
      parameterTypes,
      operationType: kind === "function" ? 1 : 0,
      operationName: name,
    });
    let response: Xrm.ExecuteResponse;
    try {
      response = await this.xrm.WebApi.online.execute(request);
    } catch (e) {
      throw toError(e);
    }
    if (!response.ok) throw new ApiError(`${name}: HTTP ${response.status} ${response.statusText ?? ""}`.trim(), response.status);
    return (await response.json()) as T;
  }

  async getFeed(q: FeedQuery): Promise<FeedPage> {
    const r = await this.call<{ Items?: string; ContinuationToken?: string; FollowerCount?: number; IsFollowing?: boolean }>(
      "rapport_GetFeed",
      "function",
      {
        Scope: ["Edm.String", q.scope],
        RecordTable: ["Edm.String", q.recordTable],
        RecordId: ["Edm.String", q.recordId && cleanId(q.recordId)],
        Kind: ["Edm.String", q.kind],
        Table: ["Edm.String", q.table],
        Topic: ["Edm.String", q.topic],
        PageSize: ["Edm.Int32", q.pageSize],
        ContinuationToken: ["Edm.String", q.continuationToken],
      },
    );
    let items: FeedItem[] = [];
    if (r.Items) {
      const parsed: unknown = JSON.parse(r.Items);
      if (!Array.isArray(parsed)) throw new ApiError("rapport_GetFeed: Items is not a JSON array");
      items = (parsed as WireItem[]).map(normalizeItem);
    }
    return {
      items,
      continuationToken: r.ContinuationToken ?? "",
      followerCount: r.FollowerCount ?? 0,
      isFollowing: r.IsFollowing ?? false,
    };
  }

  async getFollowState(table: string, id: string): Promise<FollowState> {
    const r = await this.call<{ IsFollowing?: boolean; FollowerCount?: number; IsTracked?: boolean }>(
      "rapport_GetFollowState",
      "function",
      { RecordTable: ["Edm.String", table], RecordId: ["Edm.String", cleanId(id)] },
    );
    return { isFollowing: !!r.IsFollowing, followerCount: r.FollowerCount ?? 0, isTracked: !!r.IsTracked };
  }

  async follow(table: string, id: string): Promise<{ followId: string; alreadyFollowing: boolean }> {
    const r = await this.call<{ FollowId?: string; AlreadyFollowing?: boolean }>("rapport_Follow", "action", {
      RecordTable: ["Edm.String", table],
      RecordId: ["Edm.String", cleanId(id)],
    });
    return { followId: r.FollowId ?? "", alreadyFollowing: !!r.AlreadyFollowing };
  }

  async unfollow(table: string, id: string): Promise<{ removed: boolean }> {
    const r = await this.call<{ Removed?: boolean }>("rapport_Unfollow", "action", {
      RecordTable: ["Edm.String", table],
      RecordId: ["Edm.String", cleanId(id)],
    });
    return { removed: !!r.Removed };
  }

  async setLike(postId: string, liked: boolean): Promise<{ likeCount: number; liked: boolean }> {
    const r = await this.call<{ LikeCount?: number; Liked?: boolean }>("rapport_SetLike", "action", {
      PostId: ["Edm.String", cleanId(postId)],
      Liked: ["Edm.Boolean", liked],
    });
    return { likeCount: r.LikeCount ?? 0, liked: !!r.Liked };
  }

  async getInsights(table: string, id: string): Promise<Insights | null> {
    const r = await this.call<{ Insights?: string }>("rapport_GetCustomerInsights", "function", {
      RecordTable: ["Edm.String", table],
      RecordId: ["Edm.String", cleanId(id)],
    });
    return r.Insights ? (JSON.parse(r.Insights) as Insights) : null;
  }

  async createPost(text: string, regarding: RecordRef): Promise<string> {
    try {
      const r = await this.xrm.WebApi.createRecord("rapport_post", {
        rapport_text: text,
        rapport_regardingtable: regarding.table,
        rapport_regardingid: cleanId(regarding.id),
      });
      return cleanId(r.id);
    } catch (e) {
      throw toError(e);
    }
  }

  async updatePost(id: string, text: string): Promise<void> {
    try {
      await this.xrm.WebApi.updateRecord("rapport_post", cleanId(id), { rapport_text: text });
    } catch (e) {
      throw toError(e);
    }
  }

  async deletePost(id: string): Promise<void> {
    try {
      await this.xrm.WebApi.deleteRecord("rapport_post", cleanId(id));
    } catch (e) {
      throw toError(e);
    }
  }

  /** The post's earlier texts through rapport_GetPostHistory (users cannot read revisions directly). */
  async postHistory(id: string): Promise<Revision[]> {
    const r = await this.call<{ Revisions?: string }>("rapport_GetPostHistory", "function", { PostId: ["Edm.String", cleanId(id)] });
    const parsed: unknown = JSON.parse(r.Revisions || "[]");
    if (!Array.isArray(parsed)) throw new ApiError("rapport_GetPostHistory: Revisions is not a JSON array");
    return parsed.map((e: { text?: unknown; editedOn?: unknown }) => ({ text: String(e.text ?? ""), createdOn: String(e.editedOn ?? "") }));
  }

  async addComment(postId: string, text: string): Promise<string> {
    try {
      const r = await this.xrm.WebApi.createRecord("rapport_comment", {
        rapport_text: text,
        "rapport_postid@odata.bind": `/rapport_posts(${cleanId(postId)})`,
      });
      return cleanId(r.id);
    } catch (e) {
      throw toError(e);
    }
  }

  /** Users, teams, contacts and accounts whose name starts with the query (5 of each), merged in that order. */
  async searchMentions(query: string): Promise<MentionCandidate[]> {
    const q = query.trim();
    if (!q) return [];
    const results = await Promise.all(
      MENTION_SOURCES.map(async (src) => {
        const filter = `startswith(${src.nameField},'${odataString(q)}')` + (src.extraFilter ? ` and ${src.extraFilter}` : "");
        try {
          const r = await this.xrm.WebApi.retrieveMultipleRecords(
            src.table,
            `?$select=${src.nameField},${src.idField}&$filter=${filter}&$top=5`,
          );
          return r.entities.slice(0, 5).map((e) => ({
            table: src.table,
            id: cleanId(String(e[src.idField] ?? "")),
            name: String(e[src.nameField] ?? ""),
          }));
        } catch {
          return []; // a table the user cannot read simply contributes no suggestions
        }
      }),
    );
    return results.flat().filter((c) => c.id && c.name);
  }
}
