/** The feed: a record's posts (on a form) or the user's own feed / mentions (dashboard, landing page). */
import * as React from "react";
import { Button, FluentProvider, Select, Spinner, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { cleanId, isNoAccess, type FeedItem, type Kind, type Scope } from "../shared/api";
import { logFailure, type Env } from "../shared/host";
import { count } from "../shared/strings";
import { Composer } from "./Composer";
import { Post } from "./Post";

export interface FeedAppProps {
  env: Env;
  /** "record" on a form; "my" or "mentions" without a record. */
  scope: Scope;
  pageSize?: number;
}

/** Sent by the command bar's Follow (WebResources/src/commands/follow.ts, FOLLOW_CHANGE_EVENT). */
const FOLLOW_CHANGE_EVENT = "rapport:followchange";

type Status = "loading" | "ready" | "failed" | "noaccess" | "unsaved";

export function FeedApp(p: FeedAppProps): React.ReactElement {
  const { env } = p;
  const { t, locale } = env;
  const onRecord = p.scope === "record";
  const [scope, setScope] = React.useState<Scope>(onRecord ? "record" : p.scope);
  const [status, setStatus] = React.useState<Status>(onRecord && !env.record ? "unsaved" : "loading");
  const [items, setItems] = React.useState<FeedItem[]>([]);
  const [token, setToken] = React.useState("");
  const [followers, setFollowers] = React.useState<number | null>(null);
  const [topic, setTopic] = React.useState("");
  const [kind, setKind] = React.useState<Kind | "">("");
  const [more, setMore] = React.useState(false);
  const [notice, setNotice] = React.useState("");
  const [alert, setAlert] = React.useState("");
  const [focusId, setFocusId] = React.useState("");
  const [now, setNow] = React.useState(() => new Date());
  const seq = React.useRef(0);
  const articles = React.useRef(new Map<string, HTMLElement>());

  // The command bar's Follow (WebResources/src/commands/follow.ts) announces the new count on the form's window.
  React.useEffect(() => {
    const record = env.record;
    if (!onRecord || !record || typeof window === "undefined") return undefined;
    const onChange = (e: Event) => {
      const d = (e as CustomEvent<{ table?: string; id?: string; followerCount?: number }>).detail;
      if (d && d.table === record.table && typeof d.id === "string" && cleanId(d.id) === cleanId(record.id) && typeof d.followerCount === "number") {
        setFollowers(d.followerCount);
      }
    };
    window.addEventListener(FOLLOW_CHANGE_EVENT, onChange);
    return () => window.removeEventListener(FOLLOW_CHANGE_EVENT, onChange);
  }, [env.record, onRecord]);

  const load = React.useCallback(
    async (first: boolean, focus?: string) => {
      if (onRecord && !env.record) return;
      const n = ++seq.current;
      // A reload keeps the list (and the composer) on screen; only the first load shows the spinner.
      if (first) setStatus((s) => (s === "ready" ? s : "loading"));
      else setMore(true);
      try {
        const page = await env.api.getFeed({
          scope,
          recordTable: env.record?.table,
          recordId: env.record?.id,
          kind: kind || undefined,
          topic: topic || undefined,
          pageSize: p.pageSize ?? 25,
          continuationToken: first ? undefined : token,
        });
        if (n !== seq.current) return;
        setItems((old) => (first ? page.items : [...old, ...page.items.filter((i) => !old.some((o) => o.id === i.id))]));
        setToken(page.continuationToken);
        if (onRecord) setFollowers(page.followerCount);
        setStatus("ready");
        setNow(new Date());
        if (focus) setFocusId(focus);
      } catch (e) {
        if (n !== seq.current) return;
        logFailure("the feed could not be loaded", e);
        setStatus(isNoAccess(e) ? "noaccess" : "failed");
      } finally {
        if (n === seq.current) setMore(false);
      }
    },
    [scope, kind, topic, token, env, onRecord, p.pageSize],
  );

  React.useEffect(() => {
    void load(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope, kind, topic]);

  React.useEffect(() => {
    const clock = setInterval(() => setNow(new Date()), 60000);
    return () => clearInterval(clock);
  }, []);

  React.useEffect(() => {
    if (!focusId) return;
    articles.current.get(focusId)?.focus();
    setFocusId("");
  }, [focusId, items]);

  const fail = (what: string, e: unknown) => {
    logFailure(`${what} failed`, e);
    setAlert(isNoAccess(e) ? t("noAccess") : t("actionFailed"));
  };

  const announce = (text: string) => {
    setNotice("");
    setTimeout(() => setNotice(text), 20);
  };

  const createPost = async (text: string): Promise<boolean> => {
    try {
      const id = await env.api.createPost(text, env.record ?? env.me);
      announce(t("posted"));
      await load(true, id);
      return true;
    } catch (e) {
      fail("posting", e);
      return false;
    }
  };

  const onDeleted = (item: FeedItem) => {
    const index = items.findIndex((i) => i.id === item.id);
    const rest = items.filter((i) => i.id !== item.id);
    setItems(rest);
    announce(t("deleted"));
    const next = rest[Math.min(index, rest.length - 1)];
    if (next) setFocusId(next.id);
  };

  const onFeedKey = (e: React.KeyboardEvent) => {
    if (e.key !== "PageDown" && e.key !== "PageUp") return;
    const list = items.map((i) => articles.current.get(i.id)).filter((a): a is HTMLElement => !!a);
    const current = list.findIndex((a) => a.contains(document.activeElement));
    const next = list[current + (e.key === "PageDown" ? 1 : -1)];
    if (current >= 0 && next) {
      e.preventDefault();
      next.focus();
    }
  };

  const title = onRecord ? t("feedTitle") : t(scope === "mentions" ? "mentions" : "myFeed");
  let body: React.ReactNode;
  if (status === "noaccess") {
    // No name, no composer, no counts: nothing about the record leaks (issue 20).
    return (
      <FluentProvider theme={env.theme ?? webLightTheme} className="rf-root">
        <p className="rf-no-access" role="alert">{t("noAccess")}</p>
      </FluentProvider>
    );
  }
  if (status === "unsaved") body = <p className="rf-state">{t("notSaved")}</p>;
  else if (status === "loading") body = <Spinner className="rf-loading" size="small" label={t("loading")} />;
  else if (status === "failed")
    body = (
      <div className="rf-state rf-error" role="alert">
        <span>{t("loadFailed")}</span> <Button onClick={() => void load(true)}>{t("retry")}</Button>
      </div>
    );
  else
    body = (
      <>
        <div className="rf-feed" role="feed" aria-busy={more} aria-label={t("feedLabel")} onKeyDown={onFeedKey}>
          {items.map((item, i) => (
            <Post
              key={item.id}
              ref={(el) => (el ? articles.current.set(item.id, el) : articles.current.delete(item.id))}
              env={env}
              item={item}
              now={now}
              recordId={env.record?.id}
              posInSet={i + 1}
              setSize={token ? -1 : items.length}
              onTopic={setTopic}
              onChange={(changed) => setItems((old) => old.map((o) => (o.id === changed.id ? changed : o)))}
              onDeleted={onDeleted}
              onError={fail}
            />
          ))}
        </div>
        {items.length === 0 ? <p className="rf-state rf-empty">{topic || kind ? t("emptyTopic") : t(scope === "my" ? "emptyMy" : scope === "mentions" ? "emptyMentions" : "empty")}</p> : null}
        {token ? (
          <Button className="rf-more" disabled={more} onClick={() => void load(false)}>
            {more ? t("loading") : t("loadMore")}
          </Button>
        ) : null}
      </>
    );

  return (
    <FluentProvider theme={env.theme ?? webLightTheme} className="rf-root">
      <section className="rf-section" aria-labelledby="rf-title">
        <header className="rf-header">
          {/* A dashboard or page section names My feed itself; its tabs say which list is shown. */}
          <h2 className={onRecord ? "rf-title" : "rf-title rf-sr-only"} id="rf-title">{title}</h2>
          {onRecord && followers !== null && status === "ready" ? <span className="rf-followers">{count(t, "followers", followers, locale)}</span> : null}
        </header>
        {!onRecord ? (
          <TabList selectedValue={scope} onTabSelect={(_, d) => setScope(d.value as Scope)} size="small" aria-label={t("feedTitle")}>
            <Tab value="my">{t("myFeed")}</Tab>
            <Tab value="mentions">{t("mentions")}</Tab>
          </TabList>
        ) : null}
        {status === "ready" ? (
          <Composer id="rf-new" t={t} label={t("composerLabel")} submitLabel={t("post")} search={(q) => env.api.searchMentions(q)} onSubmit={createPost} />
        ) : null}
        {status === "ready" ? (
          <div className="rf-filters">
            <label htmlFor="rf-kind" className="rf-filter-label">{t("filterKind")}</label>
            <Select id="rf-kind" size="small" className="rf-kind" value={kind} onChange={(_, d) => setKind(d.value as Kind | "")}>
              <option value="">{t("allKinds")}</option>
              <option value="user">{t("kind_user")}</option>
              <option value="auto">{t("kind_auto")}</option>
              <option value="system">{t("kind_system")}</option>
            </Select>
          </div>
        ) : null}
        {topic ? (
          <div className="rf-topic-filter">
            <span>{t("topicFilter", { topic })}</span> <Button size="small" onClick={() => setTopic("")}>{t("clearTopic")}</Button>
          </div>
        ) : null}
        {alert ? (
          <div className="rf-alert" role="alert">
            <span>{alert}</span> <Button size="small" appearance="subtle" onClick={() => setAlert("")}>{t("dismiss")}</Button>
          </div>
        ) : null}
        {body}
        <div className="rf-sr-only" role="status" aria-live="polite">{notice}</div>
      </section>
    </FluentProvider>
  );
}
