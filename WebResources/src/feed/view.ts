/// <reference types="xrm" />
/** The feed control: record feed (form) or "My feed" / "Mentions" (dashboard). */
import { RapportApi, cleanId, type FeedComment, type FeedItem, type FeedQuery, type Kind, type Scope } from "../shared/api";
import { clear, makeH, type H } from "../shared/dom";
import { parseText, topicKey, type RecordRef } from "../shared/mentions";
import { createStrings, userLanguage, type StringKey, type Strings } from "../shared/strings";
import { formatDateTime, relativeTime } from "../shared/time";
import { Composer } from "./composer";

export interface FeedOptions {
  xrm: Xrm.XrmStatic;
  formContext?: Xrm.FormContext | null;
  /** Dashboard tab to start on. */
  scope?: "my" | "mentions";
  pageSize?: number;
  now?: () => Date;
  searchDelayMs?: number;
}

const KINDS: Kind[] = ["user", "auto", "system"];
const DEFAULT_TABLES = ["account", "contact", "opportunity", "lead", "incident"];
let instances = 0;

interface Filters {
  kind: Kind | "";
  table: string;
  topic: string;
}

export class FeedView {
  private readonly doc: Document;
  private readonly win: Window;
  private readonly h: H;
  private readonly s: Strings;
  private readonly api: RapportApi;
  private readonly id: string;
  private readonly me: RecordRef;
  private readonly record: RecordRef | null;
  private readonly now: () => Date;
  private scope: Scope;
  private filters: Filters = { kind: "", table: "", topic: "" };
  private items: FeedItem[] = [];
  private token = "";
  private loading = false;
  private loadSeq = 0;
  private followerCount = 0;
  private isFollowing = false;
  private followBusy = false;
  private observer: IntersectionObserver | null = null;
  private clock: number | undefined;

  // Elements
  private readonly feedEl: HTMLElement;
  private readonly stateEl: HTMLElement;
  private readonly moreBtn: HTMLButtonElement;
  private readonly liveEl: HTMLElement;
  private readonly alertEl: HTMLElement;
  private readonly followBtn: HTMLButtonElement | null = null;
  private readonly followerEl: HTMLElement | null = null;
  private readonly topicEl: HTMLElement;
  private readonly tabs: HTMLButtonElement[] = [];
  private composer: Composer | null = null;

  constructor(root: HTMLElement, private readonly o: FeedOptions) {
    this.doc = root.ownerDocument;
    this.win = this.doc.defaultView as Window;
    this.h = makeH(this.doc);
    this.s = createStrings(userLanguage(o.xrm));
    this.api = new RapportApi(o.xrm);
    this.id = `rf${++instances}`;
    this.now = o.now ?? (() => new Date());
    const settings = o.xrm.Utility.getGlobalContext().userSettings;
    this.me = { table: "systemuser", id: cleanId(settings.userId), name: settings.userName };
    this.record = FeedView.recordOf(o.formContext);
    this.scope = o.formContext ? "record" : (o.scope ?? "my");
    const h = this.h;
    const t = (k: StringKey, a?: Record<string, string | number>) => this.s.t(k, a);

    clear(root);
    root.classList.add("rf-root");
    root.setAttribute("lang", this.s.locale);
    this.liveEl = h("div", { class: "rf-sr-only", attrs: { role: "status", "aria-live": "polite" } });
    this.alertEl = h("div", { class: "rf-alert", attrs: { role: "alert", hidden: true } });

    // Header: title, follower count and follow toggle (record) or tabs (dashboard)
    const header = h("header", { class: "rf-header" }, h("h2", { class: "rf-title", text: this.record ? this.record.name || t("feedTitle") : t("feedTitle") }));
    if (o.formContext) {
      this.followerEl = h("span", { class: "rf-followers", attrs: { id: `${this.id}-followers` } });
      this.followBtn = h("button", {
        class: "rf-btn rf-follow",
        attrs: { type: "button", "aria-pressed": "false", "aria-describedby": `${this.id}-followers`, disabled: true },
        on: { click: () => void this.toggleFollow() },
      });
      header.append(h("div", { class: "rf-header-actions" }, this.followerEl, this.followBtn));
    }
    root.append(header);

    if (o.formContext && !this.record) {
      root.append(h("p", { class: "rf-state", text: t("notSaved") }));
      this.feedEl = h("div");
      this.stateEl = h("div");
      this.moreBtn = h("button");
      this.topicEl = h("div");
      return;
    }

    if (!o.formContext) {
      const tablist = h("div", { class: "rf-tabs", attrs: { role: "tablist", "aria-label": t("feedTitle") } });
      (["my", "mentions"] as const).forEach((sc) => {
        const tab = h("button", {
          class: "rf-tab",
          text: t(sc === "my" ? "myFeed" : "mentions"),
          attrs: { type: "button", role: "tab", id: `${this.id}-tab-${sc}`, "aria-controls": `${this.id}-feed`, "aria-selected": String(sc === this.scope), tabindex: sc === this.scope ? 0 : -1 },
          on: {
            click: () => this.selectTab(sc),
            keydown: (e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft" || e.key === "Home" || e.key === "End") {
                e.preventDefault();
                const next = this.tabs[(this.tabs.indexOf(tab) + 1) % this.tabs.length];
                next.focus();
                this.selectTab(next.id.endsWith("mentions") ? "mentions" : "my");
              }
            },
          },
        });
        this.tabs.push(tab);
        tablist.append(tab);
      });
      root.append(tablist);
    }

    // Composer
    this.composer = new Composer({
      doc: this.doc,
      win: this.win,
      s: this.s,
      idPrefix: `${this.id}-new`,
      label: t("composerLabel"),
      placeholder: t("composerPlaceholder"),
      submitLabel: t("post"),
      search: (q) => this.api.searchMentions(q),
      onSubmit: (text) => this.createPost(text),
      searchDelayMs: o.searchDelayMs,
    });
    root.append(this.composer.el);

    // Filters
    const kindSel = h("select", { class: "rf-select", attrs: { id: `${this.id}-kind` }, on: { change: () => this.setFilter({ kind: kindSel.value as Kind | "" }) } },
      h("option", { text: t("allKinds"), attrs: { value: "" } }),
      ...KINDS.map((k) => h("option", { text: t(`kind_${k}` as StringKey), attrs: { value: k } })),
    );
    const filters = h("div", { class: "rf-filters", attrs: { role: "group", "aria-label": t("filterKind") } },
      h("label", { class: "rf-field" }, h("span", { text: t("filterKind") }), kindSel),
    );
    if (!this.record) {
      const tableSel = h("select", { class: "rf-select", attrs: { id: `${this.id}-table` }, on: { change: () => this.setFilter({ table: tableSel.value }) } },
        h("option", { text: t("allTables"), attrs: { value: "" } }),
        ...DEFAULT_TABLES.map((tb) => h("option", { text: this.tableLabel(tb), attrs: { value: tb } })),
      );
      filters.append(h("label", { class: "rf-field" }, h("span", { text: t("filterTable") }), tableSel));
    }
    this.topicEl = h("div", { class: "rf-topic-filter", attrs: { hidden: true } });
    filters.append(this.topicEl);
    root.append(filters, this.alertEl);

    // Feed
    this.feedEl = h("div", {
      class: "rf-feed",
      attrs: { id: `${this.id}-feed`, role: "feed", "aria-busy": "false", "aria-label": t("feedLabel"), "aria-labelledby": this.tabs.length ? `${this.id}-tab-${this.scope}` : null },
      on: { keydown: (e) => this.onFeedKey(e) },
    });
    this.stateEl = h("div", { class: "rf-state", attrs: { "aria-live": "polite" } });
    this.moreBtn = h("button", { class: "rf-btn rf-more", text: t("loadMore"), attrs: { type: "button", hidden: true }, on: { click: () => void this.load(false) } });
    root.append(this.feedEl, this.stateEl, this.moreBtn, this.liveEl);

    if (typeof IntersectionObserver !== "undefined") {
      this.observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && this.token && !this.loading) void this.load(false);
      });
      this.observer.observe(this.moreBtn);
    }
    this.clock = this.win.setInterval(() => this.refreshTimes(), 60000);
    void this.load(true);
  }

  destroy(): void {
    this.observer?.disconnect();
    if (this.clock !== undefined) this.win.clearInterval(this.clock);
  }

  static recordOf(fc: Xrm.FormContext | null | undefined): RecordRef | null {
    if (!fc) return null;
    const entity = fc.data?.entity;
    const id = entity?.getId() ?? "";
    if (!id) return null;
    return { table: entity.getEntityName(), id: cleanId(id), name: entity.getPrimaryAttributeValue?.() ?? "" };
  }

  private tableLabel(table: string): string {
    const key = `table_${table}` as StringKey;
    const label = this.s.t(key);
    return label === key ? table : label;
  }

  private announce(msg: string): void {
    this.liveEl.textContent = "";
    this.win.setTimeout(() => (this.liveEl.textContent = msg), 20);
  }

  private showAlert(err: unknown): void {
    const h = this.h;
    clear(this.alertEl);
    this.alertEl.append(
      h("span", { text: this.s.t("error", { msg: err instanceof Error ? err.message : String(err) }) }),
      h("button", { class: "rf-btn rf-btn-link", text: this.s.t("dismiss"), attrs: { type: "button" }, on: { click: () => (this.alertEl.hidden = true) } }),
    );
    this.alertEl.hidden = false;
  }

  private selectTab(scope: "my" | "mentions"): void {
    if (scope === this.scope) return;
    this.scope = scope;
    for (const tab of this.tabs) {
      const selected = tab.id.endsWith(scope);
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    this.feedEl.setAttribute("aria-labelledby", `${this.id}-tab-${scope}`);
    void this.load(true);
  }

  private setFilter(f: Partial<Filters>): void {
    this.filters = { ...this.filters, ...f };
    this.renderTopicFilter();
    void this.load(true);
  }

  private renderTopicFilter(): void {
    clear(this.topicEl);
    this.topicEl.hidden = !this.filters.topic;
    if (!this.filters.topic) return;
    const topic = this.filters.topic;
    this.topicEl.append(
      this.h("span", { text: `${this.s.t("filterTopic")}: ` }),
      this.h("button", {
        class: "rf-chip rf-chip-active",
        text: `#${topic} ✕`,
        attrs: { type: "button", "aria-label": this.s.t("clearTopic", { topic }) },
        on: { click: () => this.setFilter({ topic: "" }) },
      }),
    );
  }

  private query(first: boolean): FeedQuery {
    return {
      scope: this.scope,
      recordTable: this.record?.table,
      recordId: this.record?.id,
      kind: this.filters.kind || undefined,
      table: this.filters.table || undefined,
      topic: this.filters.topic || undefined,
      pageSize: this.o.pageSize ?? 25,
      continuationToken: first ? undefined : this.token || undefined,
    };
  }

  /** Loads the first page (replacing the list) or the next page (appending) with the continuation token. */
  async load(first: boolean, focusPostId?: string): Promise<void> {
    if (!first && (!this.token || this.loading)) return;
    const seq = ++this.loadSeq;
    this.loading = true;
    this.feedEl.setAttribute("aria-busy", "true");
    this.moreBtn.hidden = true;
    if (first) {
      this.stateEl.textContent = this.s.t("loading");
      this.stateEl.className = "rf-state rf-loading";
    } else {
      this.stateEl.textContent = this.s.t("loading");
    }
    try {
      const page = await this.api.getFeed(this.query(first));
      if (seq !== this.loadSeq) return;
      if (first) {
        this.items = [];
        clear(this.feedEl);
      }
      this.token = page.continuationToken;
      if (this.record) {
        this.followerCount = page.followerCount;
        this.isFollowing = page.isFollowing;
        this.renderFollow();
      }
      for (const item of page.items) {
        this.items.push(item);
        this.feedEl.append(this.renderItem(item));
      }
      this.updatePositions();
      this.stateEl.className = "rf-state";
      this.stateEl.textContent = this.items.length ? "" : this.emptyText();
      this.moreBtn.hidden = !this.token;
      if (focusPostId) {
        const article = this.articleOf(focusPostId);
        if (article) article.focus();
        else this.composer?.focus();
      }
    } catch (e) {
      if (seq !== this.loadSeq) return;
      const h = this.h;
      this.stateEl.className = "rf-state rf-error";
      clear(this.stateEl);
      this.stateEl.append(
        h("p", { text: this.s.t("error", { msg: e instanceof Error ? e.message : String(e) }), attrs: { role: "alert" } }),
        h("button", { class: "rf-btn", text: this.s.t("retry"), attrs: { type: "button" }, on: { click: () => void this.load(first) } }),
      );
      this.moreBtn.hidden = true;
    } finally {
      if (seq === this.loadSeq) {
        this.loading = false;
        this.feedEl.setAttribute("aria-busy", "false");
      }
    }
  }

  private emptyText(): string {
    if (this.filters.kind || this.filters.table || this.filters.topic) return this.s.t("emptyFiltered");
    return this.s.t(this.scope === "mentions" ? "emptyMentions" : "empty");
  }

  private updatePositions(): void {
    const articles = this.feedEl.querySelectorAll<HTMLElement>("article");
    articles.forEach((a, i) => {
      a.setAttribute("aria-posinset", String(i + 1));
      a.setAttribute("aria-setsize", this.token ? "-1" : String(articles.length));
    });
  }

  private articleOf(postId: string): HTMLElement | null {
    return this.feedEl.querySelector<HTMLElement>(`article[data-id="${cleanId(postId).replace(/[^0-9a-z-]/g, "")}"]`);
  }

  private renderFollow(): void {
    if (!this.followBtn || !this.followerEl) return;
    this.followBtn.disabled = this.followBusy;
    this.followBtn.textContent = this.s.t(this.isFollowing ? "unfollow" : "follow");
    this.followBtn.setAttribute("aria-pressed", String(this.isFollowing));
    this.followBtn.classList.toggle("rf-btn-primary", !this.isFollowing);
    this.followerEl.textContent = this.s.count("followers", this.followerCount);
  }

  private async toggleFollow(): Promise<void> {
    if (!this.record || this.followBusy) return;
    this.followBusy = true;
    this.renderFollow();
    try {
      if (this.isFollowing) {
        const r = await this.api.unfollow(this.record.table, this.record.id);
        if (r.removed) this.followerCount = Math.max(0, this.followerCount - 1);
        this.isFollowing = false;
        this.announce(this.s.t("notFollowingNow"));
      } else {
        const r = await this.api.follow(this.record.table, this.record.id);
        if (!r.alreadyFollowing) this.followerCount += 1;
        this.isFollowing = true;
        this.announce(this.s.t("followingNow"));
      }
    } catch (e) {
      this.showAlert(e);
    } finally {
      this.followBusy = false;
      this.renderFollow();
      this.followBtn?.focus();
    }
  }

  private async createPost(text: string): Promise<void> {
    const regarding = this.record ?? this.me;
    try {
      const id = await this.api.createPost(text, regarding);
      this.composer?.reset();
      this.announce(this.s.t("posted"));
      await this.load(true, id);
    } catch (e) {
      this.showAlert(e);
    }
  }

  private refreshTimes(): void {
    const now = this.now();
    this.feedEl.querySelectorAll<HTMLTimeElement>("time[datetime]").forEach((el) => {
      el.textContent = relativeTime(el.dateTime, now, this.s);
    });
  }

  private onFeedKey(e: KeyboardEvent): void {
    if (e.key !== "PageDown" && e.key !== "PageUp") return;
    const articles = [...this.feedEl.querySelectorAll<HTMLElement>("article")];
    const current = articles.findIndex((a) => a.contains(this.doc.activeElement));
    if (current < 0) return;
    const next = articles[current + (e.key === "PageDown" ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  private openRecord(ref: RecordRef): void {
    void this.o.xrm.Navigation.openForm({ entityName: ref.table, entityId: ref.id });
  }

  // ---- rendering of one post ----------------------------------------------------------------

  private renderText(text: string): HTMLElement {
    const h = this.h;
    const body = h("div", { class: "rf-text" });
    for (const seg of parseText(text)) {
      if (seg.kind === "text") body.append(seg.text);
      else if (seg.kind === "mention") {
        const ref = seg.ref;
        body.append(
          h("a", {
            class: "rf-mention",
            text: `@${ref.name}`,
            attrs: { href: "#", "data-table": ref.table, "data-id": ref.id },
            on: { click: (e) => { e.preventDefault(); this.openRecord(ref); } },
          }),
        );
      } else {
        const key = topicKey(seg.topic);
        body.append(
          h("button", {
            class: "rf-topic",
            text: `#${seg.topic}`,
            attrs: { type: "button", "aria-label": this.s.t("topicButton", { topic: seg.topic }) },
            on: { click: () => this.setFilter({ topic: key }) },
          }),
        );
      }
    }
    return body;
  }

  private renderItem(item: FeedItem): HTMLElement {
    const h = this.h;
    const s = this.s;
    const authorId = `${this.id}-a-${item.id}`;
    const mine = cleanId(item.author?.id ?? "") === this.me.id;
    const article = h("article", {
      class: `rf-post rf-kind-${item.kind}`,
      attrs: { tabindex: 0, "data-id": cleanId(item.id), "aria-labelledby": authorId },
    });

    const meta = h("div", { class: "rf-meta" },
      h("span", { class: "rf-author", text: item.author?.name ?? "", attrs: { id: authorId } }),
      item.kind !== "user" ? h("span", { class: "rf-badge", text: s.t(item.kind === "auto" ? "autoBadge" : "systemBadge") }) : null,
    );
    if (item.regarding && (!this.record || cleanId(item.regarding.id) !== this.record.id)) {
      const reg = item.regarding;
      meta.append(
        h("span", { class: "rf-on", text: ` ${s.t("on")} ` }),
        h("a", { class: "rf-regarding", text: reg.name, attrs: { href: "#" }, on: { click: (e) => { e.preventDefault(); this.openRecord(reg); } } }),
      );
    }
    meta.append(
      h("span", { class: "rf-dot", text: " · ", attrs: { "aria-hidden": "true" } }),
      h("time", { class: "rf-time", text: relativeTime(item.createdOn, this.now(), s), attrs: { datetime: item.createdOn, title: formatDateTime(item.createdOn, s) } }),
    );
    const historyEl = h("div", { class: "rf-history", attrs: { id: `${this.id}-h-${item.id}`, hidden: true } });
    if (item.edited) {
      const editedBtn: HTMLButtonElement = h("button", {
        class: "rf-edited",
        text: `(${s.t("edited")})`,
        attrs: { type: "button", "aria-expanded": "false", "aria-controls": historyEl.id, title: s.t("history") },
        on: { click: () => void this.toggleHistory(item, editedBtn, historyEl) },
      });
      meta.append(" ", editedBtn);
    }
    article.append(meta);

    const bodyWrap = h("div", { class: "rf-body" }, this.renderText(item.text ?? ""));
    if (item.changes?.length) {
      const list = h("ul", { class: "rf-changes" });
      for (const c of item.changes) {
        list.append(h("li", { text: s.t("changed", { label: c.label || c.column, old: c.old ?? s.t("emptyValue"), new: c.new ?? s.t("emptyValue") }) }));
      }
      bodyWrap.append(list);
    }
    article.append(bodyWrap, historyEl);

    // Actions
    const likeCount = h("span", { class: "rf-count", text: s.count("likes", item.likeCount ?? 0) });
    const likeBtn: HTMLButtonElement = h("button", {
      class: "rf-action rf-like",
      text: s.t("like"),
      attrs: { type: "button", "aria-pressed": String(!!item.likedByMe) },
      on: { click: () => void this.toggleLike(item, likeBtn, likeCount) },
    });
    const comments = h("div", { class: "rf-comments" });
    const commentCount = h("span", { class: "rf-count", text: s.count("comments", item.commentCount ?? 0) });
    const commentBox = this.renderCommentBox(item, comments, commentCount);
    const commentBtn = h("button", {
      class: "rf-action",
      text: s.t("comment"),
      attrs: { type: "button", "aria-expanded": "false", "aria-controls": commentBox.id },
      on: {
        click: () => {
          commentBox.hidden = !commentBox.hidden;
          commentBtn.setAttribute("aria-expanded", String(!commentBox.hidden));
          if (!commentBox.hidden) commentBox.querySelector("input")?.focus();
        },
      },
    });
    const actions = h("div", { class: "rf-actions" }, likeBtn, likeCount, commentBtn, commentCount);
    if (mine && item.kind === "user") {
      actions.append(
        h("button", { class: "rf-action", text: s.t("edit"), attrs: { type: "button" }, on: { click: () => this.startEdit(item, article) } }),
        h("button", { class: "rf-action rf-danger", text: s.t("delete"), attrs: { type: "button" }, on: { click: () => void this.deletePost(item, article) } }),
      );
    }
    article.append(actions);

    const latest = item.latestComments ?? [];
    const hidden = (item.commentCount ?? latest.length) - latest.length;
    if (hidden > 0) comments.append(h("p", { class: "rf-more-comments", text: s.t("moreComments", { n: hidden }) }));
    for (const c of latest) comments.append(this.renderComment(c));
    article.append(comments, commentBox);
    return article;
  }

  private renderComment(c: FeedComment): HTMLElement {
    const h = this.h;
    return h("div", { class: "rf-comment" },
      h("div", { class: "rf-meta" },
        h("span", { class: "rf-author", text: c.author?.name ?? "" }),
        h("span", { class: "rf-dot", text: " · ", attrs: { "aria-hidden": "true" } }),
        h("time", { class: "rf-time", text: relativeTime(c.createdOn, this.now(), this.s), attrs: { datetime: c.createdOn, title: formatDateTime(c.createdOn, this.s) } }),
      ),
      this.renderText(c.text ?? ""),
    );
  }

  private renderCommentBox(item: FeedItem, list: HTMLElement, countEl: HTMLElement): HTMLElement {
    const h = this.h;
    const s = this.s;
    const input = h("input", {
      class: "rf-input rf-comment-input",
      attrs: { type: "text", "aria-label": s.t("commentLabel"), placeholder: s.t("commentPlaceholder"), maxlength: 2000 },
      on: {
        keydown: (e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void submit();
          }
        },
        input: () => (btn.disabled = !input.value.trim()),
      },
    });
    const btn = h("button", { class: "rf-btn rf-btn-primary", text: s.t("comment"), attrs: { type: "button", disabled: true }, on: { click: () => void submit() } });
    const submit = async (): Promise<void> => {
      const text = input.value.trim();
      if (!text || btn.getAttribute("aria-busy")) return;
      btn.setAttribute("aria-busy", "true");
      btn.disabled = true;
      try {
        const id = await this.api.addComment(item.id, text);
        const comment: FeedComment = { id, author: this.me, text, createdOn: this.now().toISOString() };
        item.latestComments = [...(item.latestComments ?? []), comment];
        item.commentCount = (item.commentCount ?? 0) + 1;
        list.append(this.renderComment(comment));
        countEl.textContent = s.count("comments", item.commentCount);
        input.value = "";
        input.focus();
      } catch (e) {
        this.showAlert(e);
      } finally {
        btn.removeAttribute("aria-busy");
        btn.disabled = !input.value.trim();
      }
    };
    return h("div", { class: "rf-comment-box", attrs: { id: `${this.id}-c-${item.id}`, hidden: true } }, input, btn);
  }

  private async toggleLike(item: FeedItem, btn: HTMLButtonElement, countEl: HTMLElement): Promise<void> {
    if (btn.getAttribute("aria-busy")) return;
    btn.setAttribute("aria-busy", "true");
    try {
      const r = await this.api.setLike(item.id, !item.likedByMe);
      item.likedByMe = r.liked;
      item.likeCount = r.likeCount;
      btn.setAttribute("aria-pressed", String(r.liked));
      countEl.textContent = this.s.count("likes", r.likeCount);
    } catch (e) {
      this.showAlert(e);
    } finally {
      btn.removeAttribute("aria-busy");
    }
  }

  private async toggleHistory(item: FeedItem, btn: HTMLButtonElement, box: HTMLElement): Promise<void> {
    const open = btn.getAttribute("aria-expanded") === "true";
    btn.setAttribute("aria-expanded", String(!open));
    box.hidden = open;
    if (open) return;
    const h = this.h;
    clear(box);
    box.setAttribute("aria-busy", "true");
    box.append(h("p", { text: this.s.t("loading") }));
    try {
      const revisions = await this.api.postHistory(item.id);
      clear(box);
      box.append(h("h3", { class: "rf-history-title", text: this.s.t("historyTitle") }));
      if (!revisions.length) box.append(h("p", { text: this.s.t("historyEmpty") }));
      const list = h("ol", { class: "rf-history-list" });
      for (const r of revisions) {
        list.append(h("li", null, h("time", { class: "rf-time", text: r.createdOnText ?? formatDateTime(r.createdOn, this.s), attrs: { datetime: r.createdOn } }), this.renderText(r.text)));
      }
      if (revisions.length) box.append(list);
    } catch (e) {
      clear(box);
      box.append(h("p", { text: this.s.t("error", { msg: e instanceof Error ? e.message : String(e) }), attrs: { role: "alert" } }));
    } finally {
      box.removeAttribute("aria-busy");
    }
  }

  private startEdit(item: FeedItem, article: HTMLElement): void {
    const body = article.querySelector<HTMLElement>(".rf-body");
    if (!body) return;
    const restore = (): void => {
      const fresh = this.renderItem(item);
      article.replaceWith(fresh);
      this.updatePositions();
      fresh.focus();
    };
    const editor = new Composer({
      doc: this.doc,
      win: this.win,
      s: this.s,
      idPrefix: `${this.id}-e-${item.id}`,
      label: this.s.t("edit"),
      placeholder: "",
      submitLabel: this.s.t("save"),
      initial: item.text,
      search: (q) => this.api.searchMentions(q),
      onCancel: restore,
      searchDelayMs: this.o.searchDelayMs,
      onSubmit: async (text) => {
        try {
          await this.api.updatePost(item.id, text);
          if (text !== item.text) {
            item.text = text;
            item.edited = true;
            item.modifiedOn = this.now().toISOString();
          }
          restore();
        } catch (e) {
          this.showAlert(e);
        }
      },
    });
    body.replaceWith(editor.el);
    editor.focus();
  }

  private async deletePost(item: FeedItem, article: HTMLElement): Promise<void> {
    const answer = await this.o.xrm.Navigation.openConfirmDialog({
      title: this.s.t("confirmDeleteTitle"),
      text: this.s.t("confirmDelete"),
      confirmButtonLabel: this.s.t("delete"),
      cancelButtonLabel: this.s.t("cancel"),
    });
    if (!answer?.confirmed) return;
    try {
      await this.api.deletePost(item.id);
      const next = (article.nextElementSibling ?? article.previousElementSibling) as HTMLElement | null;
      article.remove();
      this.items = this.items.filter((i) => i.id !== item.id);
      this.updatePositions();
      if (!this.items.length) this.stateEl.textContent = this.emptyText();
      this.announce(this.s.t("deleted"));
      if (next) next.focus();
      else this.composer?.focus();
    } catch (e) {
      this.showAlert(e);
    }
  }
}
