/**
 * Rapport's Custom APIs and tables for the code components. Rows go through context.webAPI; Custom APIs (which
 * context.webAPI cannot call) go to the org's Web API with fetch, same-origin, as the web resources' Xrm.WebApi does.
 */
import type { RecordRef } from "../../WebResources/src/shared/mentions";

export type { RecordRef };
export type Kind = "user" | "auto" | "system";
export type Scope = "record" | "my" | "mentions";

export interface FeedComment {
  id: string;
  author: RecordRef;
  text: string;
  createdOn: string;
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
  regarding?: RecordRef | null;
  author: RecordRef;
  createdOn: string;
  edited?: boolean;
  changes?: FieldChange[];
  commentCount: number;
  likeCount: number;
  likedByMe: boolean;
  latestComments: FeedComment[];
}

export interface FeedPage {
  items: FeedItem[];
  continuationToken: string;
  followerCount: number;
  isFollowing: boolean;
}

export interface HistoryPoint {
  period: string;
  value: number | null;
  count?: number | null;
}

export interface Insights {
  clv: number | null;
  currency?: string | null;
  pAlive: number | null;
  expectedTransactions12m: number | null;
  /** An interval for the CLV when the server gives one (e.g. a weak model's range). */
  clvInterval?: { low: number | null; high: number | null } | null;
  segment?: string | null;
  level?: string | null;
  scoredOn?: string | null;
  model?: { kind?: string | null; fittedOn?: string | null; verdict?: string | null; reasons?: string | null } | null;
  retention?: {
    rate: number | null;
    rateSource?: string;
    inputs: { g: number | null; f: number | null; margin?: number | null; i: number | null };
    formulas: { name: string; formula: string; value: number | null }[];
  } | null;
  /** "month" (periods "2024-03") or "year" (periods "2024"); absent in the older shape, which is yearly. */
  historyGranularity?: "month" | "year" | null;
  history?: HistoryPoint[] | null;
  engagement?: { score: number | null; components?: { kind: string; label: string; points: number }[] | null } | null;
}

/** A failed call: the server's message (for the console), its Dataverse error code and HTTP status. */
export class ApiError extends Error {
  constructor(message: string, readonly code?: number, readonly status?: number) {
    super(message);
    this.name = "ApiError";
  }
}

/** 0x80040220 (missing privilege) and 0x80048306 (no access to the record) as signed Int32, as Dataverse returns them. */
const NO_ACCESS_CODES = [0x80040220 | 0, 0x80048306 | 0];

/** True for an error that means "you may not read this record": HTTP 403 or one of the privilege codes. */
export function isNoAccess(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  return e.status === 403 || (e.code !== undefined && NO_ACCESS_CODES.includes(e.code | 0));
}

export function cleanId(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

/** Parses "0x80040220", "-2147220960" or a number into a signed Int32 code. */
export function errorCode(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw | 0;
  if (typeof raw !== "string" || !raw) return undefined;
  const n = raw.toLowerCase().startsWith("0x") ? parseInt(raw, 16) : parseInt(raw, 10);
  return Number.isNaN(n) ? undefined : n | 0;
}

/** Wraps whatever a call rejected with (context.webAPI's {errorCode, message} or an Error) as an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === "object") {
    const o = e as { message?: unknown; errorCode?: unknown; code?: unknown; status?: unknown };
    return new ApiError(String(o.message ?? e), errorCode(o.errorCode ?? o.code), typeof o.status === "number" ? o.status : undefined);
  }
  return new ApiError(String(e));
}

interface WireMention extends RecordRef {
  start?: number;
  length?: number;
}

/** The server sends "@Name" with offsets; the view renders token text, so tokens are rebuilt from the offsets. */
export function withMentionTokens(text: string, mentions: readonly WireMention[] | undefined): string {
  const placed = (mentions ?? [])
    .filter((m) => typeof m.start === "number" && typeof m.length === "number" && m.start >= 0 && m.start + m.length <= text.length)
    .sort((a, b) => (a.start as number) - (b.start as number));
  let out = "";
  let at = 0;
  for (const m of placed) {
    const start = m.start as number;
    if (start < at) continue;
    const name = m.name.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    out += `${text.slice(at, start)}@[${m.table},${cleanId(m.id)},"${name}"]`;
    at = start + (m.length as number);
  }
  return out + text.slice(at);
}

const KIND_NAMES: Record<string, Kind> = { user: "user", userpost: "user", auto: "auto", autopost: "auto", system: "system" };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function normalizeItem(w: any): FeedItem {
  return {
    id: cleanId(String(w.id ?? "")),
    kind: KIND_NAMES[String(w.kind).toLowerCase()] ?? "system",
    text: withMentionTokens(w.text ?? "", w.mentions),
    regarding: w.regarding ?? null,
    author: w.author ?? { table: "systemuser", id: "", name: "" },
    createdOn: w.createdOn ?? "",
    edited: !!w.edited,
    changes: Array.isArray(w.changes) ? w.changes : undefined,
    commentCount: w.commentCount ?? 0,
    likeCount: w.likeCount ?? 0,
    likedByMe: !!w.likedByMe,
    latestComments: (w.latestComments ?? []).map((c: { id: string; author: RecordRef; text?: string; createdOn: string; mentions?: WireMention[] }) => ({
      id: c.id,
      author: c.author,
      text: withMentionTokens(c.text ?? "", c.mentions),
      createdOn: c.createdOn,
    })),
  };
}

type Param = string | number | boolean | undefined | null;

/** The few context.webAPI members the components use (ComponentFramework.WebApi). */
export type RowApi = Pick<ComponentFramework.WebApi, "createRecord" | "updateRecord" | "deleteRecord" | "retrieveMultipleRecords">;

export class RapportApi {
  /** @param clientUrl the org's URL (context.page.getClientUrl() in a model-driven app; the page's origin otherwise). */
  constructor(private readonly rows: RowApi, private readonly clientUrl: string, private readonly fetcher: typeof fetch = (...a) => fetch(...a)) {}

  private async send(method: "GET" | "POST", path: string, body?: unknown): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await this.fetcher(`${this.clientUrl.replace(/\/$/, "")}/api/data/v9.2/${path}`, {
        method,
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "OData-Version": "4.0",
          "OData-MaxVersion": "4.0",
          ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(`network: ${e instanceof Error ? e.message : String(e)}`);
    }
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      /* a gateway's HTML page: reported by status below */
    }
    if (!response.ok) {
      const error = (json.error ?? {}) as { code?: unknown; message?: unknown };
      throw new ApiError(String(error.message ?? `HTTP ${response.status}`), errorCode(error.code), response.status);
    }
    return json;
  }

  /** A Custom API function: GET name(P=@p0,…)?@p0=… with aliased, URL-encoded literals. */
  private fn(name: string, params: Record<string, Param>): Promise<Record<string, unknown>> {
    const keys = Object.keys(params).filter((k) => params[k] !== undefined && params[k] !== null && params[k] !== "");
    const literal = (v: Param) => (typeof v === "string" ? `'${v.replace(/'/g, "''")}'` : String(v));
    const query = keys.map((k, i) => `@p${i}=${encodeURIComponent(literal(params[k]))}`).join("&");
    return this.send("GET", `${name}(${keys.map((k, i) => `${k}=@p${i}`).join(",")})${query ? `?${query}` : ""}`);
  }

  async getFeed(q: { scope: Scope; recordTable?: string; recordId?: string; kind?: Kind; topic?: string; pageSize?: number; continuationToken?: string }): Promise<FeedPage> {
    const r = await this.fn("rapport_GetFeed", {
      Scope: q.scope,
      RecordTable: q.recordTable,
      RecordId: q.recordId && cleanId(q.recordId),
      Kind: q.kind,
      Topic: q.topic,
      PageSize: q.pageSize,
      ContinuationToken: q.continuationToken,
    });
    const parsed: unknown = JSON.parse(String(r.Items || "[]"));
    if (!Array.isArray(parsed)) throw new ApiError("rapport_GetFeed: Items is not a JSON array");
    return {
      items: parsed.map(normalizeItem),
      continuationToken: String(r.ContinuationToken ?? ""),
      followerCount: Number(r.FollowerCount ?? 0),
      isFollowing: !!r.IsFollowing,
    };
  }

  async getInsights(table: string, id: string): Promise<Insights | null> {
    const r = await this.fn("rapport_GetCustomerInsights", { RecordTable: table, RecordId: cleanId(id) });
    return r.Insights ? (JSON.parse(String(r.Insights)) as Insights) : null;
  }

  /** The post's earlier texts (rapport_GetPostHistory: users cannot read revisions directly), oldest first. */
  async postHistory(postId: string): Promise<{ text: string; editedOn: string }[]> {
    const r = await this.fn("rapport_GetPostHistory", { PostId: cleanId(postId) });
    const parsed: unknown = JSON.parse(String(r.Revisions || "[]"));
    if (!Array.isArray(parsed)) throw new ApiError("rapport_GetPostHistory: Revisions is not a JSON array");
    return parsed.map((e: { text?: unknown; editedOn?: unknown; createdOn?: unknown }) => ({ text: String(e.text ?? ""), editedOn: String(e.editedOn ?? e.createdOn ?? "") }));
  }

  async setLike(postId: string, liked: boolean): Promise<{ likeCount: number; liked: boolean }> {
    const r = await this.send("POST", "rapport_SetLike", { PostId: cleanId(postId), Liked: liked });
    return { likeCount: Number(r.LikeCount ?? 0), liked: !!r.Liked };
  }

  private async row<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      throw toApiError(e);
    }
  }

  async createPost(text: string, regarding: RecordRef): Promise<string> {
    const r = await this.row(() => this.rows.createRecord("rapport_post", { rapport_text: text, rapport_regardingtable: regarding.table, rapport_regardingid: cleanId(regarding.id) }));
    return cleanId(String(r.id));
  }

  async updatePost(id: string, text: string): Promise<void> {
    await this.row(() => this.rows.updateRecord("rapport_post", cleanId(id), { rapport_text: text }));
  }

  async deletePost(id: string): Promise<void> {
    await this.row(() => this.rows.deleteRecord("rapport_post", cleanId(id)));
  }

  async addComment(postId: string, text: string): Promise<string> {
    const r = await this.row(() => this.rows.createRecord("rapport_comment", { rapport_text: text, "rapport_postid@odata.bind": `/rapport_posts(${cleanId(postId)})` }));
    return cleanId(String(r.id));
  }

  /** Users, teams, contacts and accounts whose name starts with the query (5 of each); a table the user cannot read adds none. */
  async searchMentions(query: string): Promise<RecordRef[]> {
    const q = query.trim();
    if (!q) return [];
    const sources = [
      { table: "systemuser", id: "systemuserid", name: "fullname", extra: " and isdisabled eq false" },
      { table: "team", id: "teamid", name: "name", extra: "" },
      { table: "contact", id: "contactid", name: "fullname", extra: "" },
      { table: "account", id: "accountid", name: "name", extra: "" },
    ];
    const found = await Promise.all(
      sources.map(async (s) => {
        try {
          const r = await this.rows.retrieveMultipleRecords(s.table, `?$select=${s.name},${s.id}&$filter=startswith(${s.name},'${encodeURIComponent(q.replace(/'/g, "''"))}')${s.extra}&$top=5`);
          return r.entities.slice(0, 5).map((e) => ({ table: s.table, id: cleanId(String(e[s.id] ?? "")), name: String(e[s.name] ?? "") }));
        } catch {
          return [];
        }
      }),
    );
    return found.flat().filter((c) => c.id && c.name);
  }
}

