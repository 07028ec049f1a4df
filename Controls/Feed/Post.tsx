/** One post: author, time, text with mentions and topics, field changes, Like / Comment and an overflow menu (Edit, Delete). */
import * as React from "react";
import { Badge, Button, Input, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, ToggleButton } from "@fluentui/react-components";
import { parseText, topicKey } from "../../WebResources/src/shared/mentions";
import { cleanId, type FeedComment, type FeedItem, type RecordRef } from "../shared/api";
import type { Env } from "../shared/host";
import { count, dateTime, relativeTime } from "../shared/strings";
import { Composer } from "./Composer";

export function RichText(p: { text: string; env: Env; onTopic?(key: string): void }): React.ReactElement {
  const { t } = p.env;
  return (
    <div className="rf-text">
      {parseText(p.text).map((seg, i) => {
        if (seg.kind === "text") return <React.Fragment key={i}>{seg.text}</React.Fragment>;
        if (seg.kind === "mention") {
          const ref = seg.ref;
          return (
            <a key={i} className="rf-mention" href="#" data-table={ref.table} data-id={ref.id} onClick={(e) => (e.preventDefault(), p.env.openRecord(ref))}>
              {`@${ref.name}`}
            </a>
          );
        }
        return (
          <button key={i} type="button" className="rf-topic" aria-label={t("topicButton", { topic: seg.topic })} onClick={() => p.onTopic?.(topicKey(seg.topic))}>
            {`#${seg.topic}`}
          </button>
        );
      })}
    </div>
  );
}

function Meta(p: { env: Env; author: RecordRef; createdOn: string; now: Date; id?: string; children?: React.ReactNode }): React.ReactElement {
  const { t, locale } = p.env;
  return (
    <div className="rf-meta">
      <span className="rf-author" id={p.id}>{p.author?.name ?? ""}</span>
      {p.children}
      <span className="rf-dot" aria-hidden="true"> · </span>
      <time className="rf-time" dateTime={p.createdOn} title={dateTime(p.createdOn, locale)}>
        {relativeTime(p.createdOn, p.now, t, locale)}
      </time>
    </div>
  );
}

export interface PostProps {
  env: Env;
  item: FeedItem;
  now: Date;
  /** The record whose feed this is: its own name is not repeated as "on <record>". */
  recordId?: string;
  onTopic(key: string): void;
  onChange(item: FeedItem): void;
  onDeleted(item: FeedItem): void;
  onError(what: string, e: unknown): void;
  setSize: number;
  posInSet: number;
}

export const Post = React.forwardRef<HTMLElement, PostProps>(function Post(p, ref) {
  const { env, item } = p;
  const { t, locale } = env;
  const [commenting, setCommenting] = React.useState(false);
  const [editing, setEditing] = React.useState(false);
  const [comment, setComment] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const commentInput = React.useRef<HTMLInputElement>(null);
  const mine = cleanId(item.author?.id ?? "") === env.me.id && item.kind === "user";
  const authorId = `rf-a-${item.id}`;
  const boxId = `rf-c-${item.id}`;

  React.useEffect(() => {
    if (commenting) commentInput.current?.focus();
  }, [commenting]);

  const like = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await env.api.setLike(item.id, !item.likedByMe);
      p.onChange({ ...item, likedByMe: r.liked, likeCount: r.likeCount });
    } catch (e) {
      p.onError("like", e);
    } finally {
      setBusy(false);
    }
  };

  const addComment = async () => {
    const text = comment.trim();
    if (!text || busy) return;
    setBusy(true);
    try {
      const id = await env.api.addComment(item.id, text);
      const c: FeedComment = { id, author: env.me, text, createdOn: new Date().toISOString() };
      p.onChange({ ...item, latestComments: [...item.latestComments, c], commentCount: item.commentCount + 1 });
      setComment("");
      commentInput.current?.focus();
    } catch (e) {
      p.onError("comment", e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!(await env.confirm(t("confirmDeleteTitle"), t("confirmDelete"), t("delete"), t("cancel")))) return;
    try {
      await env.api.deletePost(item.id);
      p.onDeleted(item);
    } catch (e) {
      p.onError("delete", e);
    }
  };

  const historyId = `rf-h-${item.id}`;
  const [history, setHistory] = React.useState<{ text: string; editedOn: string }[] | "loading" | "failed" | null>(null);
  const toggleHistory = async () => {
    if (history !== null) return setHistory(null);
    setHistory("loading");
    try {
      setHistory(await env.api.postHistory(item.id));
    } catch (e) {
      p.onError("history", e);
      setHistory("failed");
    }
  };

  const hiddenComments = item.commentCount - item.latestComments.length;
  const showRegarding = item.regarding && cleanId(item.regarding.id) !== p.recordId;
  return (
    <article ref={ref} className={`rf-post rf-kind-${item.kind}`} data-id={item.id} tabIndex={0} aria-labelledby={authorId} aria-posinset={p.posInSet} aria-setsize={p.setSize}>
      <Meta env={env} author={item.author} createdOn={item.createdOn} now={p.now} id={authorId}>
        {item.kind !== "user" ? <Badge appearance="tint" className="rf-badge">{t(item.kind === "auto" ? "autoBadge" : "systemBadge")}</Badge> : null}
        {showRegarding ? (
          <>
            <span className="rf-on"> {t("on")} </span>
            <a className="rf-regarding" href="#" onClick={(e) => (e.preventDefault(), env.openRecord(item.regarding!))}>{item.regarding!.name}</a>
          </>
        ) : null}
        {item.edited ? (
          <button type="button" className="rf-edited" aria-expanded={history !== null} aria-controls={historyId} onClick={() => void toggleHistory()}>
            ({t("edited")})
          </button>
        ) : null}
      </Meta>
      {editing ? (
        <Composer
          id={`rf-e-${item.id}`}
          t={t}
          label={t("edit")}
          submitLabel={t("save")}
          initial={item.text}
          autoFocus
          search={(q) => env.api.searchMentions(q)}
          onCancel={() => setEditing(false)}
          onSubmit={async (text) => {
            try {
              await env.api.updatePost(item.id, text);
              p.onChange({ ...item, text, edited: item.edited || text !== item.text });
              setEditing(false);
              return true;
            } catch (e) {
              p.onError("edit", e);
              return false;
            }
          }}
        />
      ) : (
        <div className="rf-body">
          <RichText text={item.text} env={env} onTopic={p.onTopic} />
          {item.changes?.length ? (
            <ul className="rf-changes">
              {item.changes.map((c, i) => (
                <li key={i}>{t("changed", { label: c.label || c.column, old: c.old ?? t("emptyValue"), new: c.new ?? t("emptyValue") })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      {history !== null ? (
        <div className="rf-history" id={historyId} aria-busy={history === "loading"}>
          <h3 className="rf-history-title">{t("historyTitle")}</h3>
          {history === "loading" ? <p>{t("loading")}</p> : history === "failed" ? <p>{t("historyFailed")}</p> : history.length === 0 ? <p>{t("historyEmpty")}</p> : (
            <ol className="rf-history-list">
              {history.map((r, i) => (
                <li key={i}>
                  <time className="rf-time" dateTime={r.editedOn}>{dateTime(r.editedOn, locale)}</time>
                  <RichText text={r.text} env={env} />
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
      <div className="rf-actions">
        <ToggleButton size="small" appearance="subtle" className="rf-like" checked={item.likedByMe} aria-pressed={item.likedByMe} onClick={() => void like()}>
          {t("like")}
        </ToggleButton>
        <span className="rf-count">{count(t, "likes", item.likeCount, locale)}</span>
        <Button size="small" appearance="subtle" className="rf-action rf-comment-toggle" aria-expanded={commenting} aria-controls={boxId} onClick={() => setCommenting(!commenting)}>
          {t("comment")}
        </Button>
        <span className="rf-count">{count(t, "comments", item.commentCount, locale)}</span>
        {mine ? (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" appearance="subtle" className="rf-overflow" aria-label={t("moreActions")}>⋯</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem className="rf-edit" onClick={() => setEditing(true)}>{t("edit")}</MenuItem>
                <MenuItem className="rf-delete" onClick={() => void remove()}>{t("delete")}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        ) : null}
      </div>
      <div className="rf-comments">
        {hiddenComments > 0 ? <p className="rf-more-comments">{t("moreComments", { n: hiddenComments })}</p> : null}
        {item.latestComments.map((c) => (
          <div className="rf-comment" key={c.id}>
            <Meta env={env} author={c.author} createdOn={c.createdOn} now={p.now} />
            <RichText text={c.text} env={env} onTopic={p.onTopic} />
          </div>
        ))}
      </div>
      <div className="rf-comment-box" id={boxId} hidden={!commenting}>
        <Input
          ref={commentInput}
          className="rf-comment-field"
          input={{ className: "rf-comment-input" }}
          aria-label={t("commentLabel")}
          placeholder={t("commentPlaceholder")}
          maxLength={2000}
          value={comment}
          onChange={(_, d) => setComment(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void addComment();
            }
          }}
        />
        <Button appearance="primary" disabled={busy || !comment.trim()} onClick={() => void addComment()}>{t("comment")}</Button>
      </div>
    </article>
  );
});

