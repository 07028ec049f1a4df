/** Mention tokens `@[<table>,<guid>,"<display name>"]` and topics `#word` / `#[multi word]` inside post text. Pure (no client API): the code components in Controls/ import it too. */

export interface RecordRef {
  table: string;
  id: string;
  name: string;
}

export type Segment =
  | { kind: "text"; text: string }
  | { kind: "mention"; ref: RecordRef }
  | { kind: "topic"; topic: string };

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const MENTION = `@\\[([A-Za-z_][A-Za-z0-9_]*),\\s*\\{?(${GUID})\\}?,\\s*"((?:[^"\\\\]|\\\\.)*)"\\]`;
const TOPIC_BRACKET = "#\\[([^\\]\\n]{1,100})\\]";
// A bare #topic must not follow a letter/digit (so "C#" or "page#anchor" are no topics).
const TOPIC_WORD = "(?<![\\p{L}\\p{N}_&/])#([\\p{L}\\p{N}_][\\p{L}\\p{N}_-]{0,99})";
const TOKENS = new RegExp(`${MENTION}|${TOPIC_BRACKET}|${TOPIC_WORD}`, "gu");

/** Escapes a display name for the token: backslash and double quote are backslash-escaped. */
export function escapeName(name: string): string {
  return name.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

function unescapeName(raw: string): string {
  return raw.replace(/\\(.)/g, "$1");
}

export function mentionToken(ref: RecordRef): string {
  return `@[${ref.table},${ref.id.replace(/[{}]/g, "").toLowerCase()},"${escapeName(ref.name)}"]`;
}

/** Normalised topic key: trimmed, inner whitespace collapsed, lower case. */
export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Splits post text into plain text, mention and topic segments. Never interprets HTML. */
export function parseText(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  TOKENS.lastIndex = 0;
  for (let m = TOKENS.exec(text); m; m = TOKENS.exec(text)) {
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    if (m[1] !== undefined) {
      out.push({ kind: "mention", ref: { table: m[1], id: m[2].toLowerCase(), name: unescapeName(m[3]) } });
    } else {
      out.push({ kind: "topic", topic: (m[4] ?? m[5]).trim() });
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  return out;
}

export function extractTopics(text: string): string[] {
  const seen = new Set<string>();
  for (const s of parseText(text)) if (s.kind === "topic") seen.add(topicKey(s.topic));
  return [...seen];
}

export function extractMentions(text: string): RecordRef[] {
  return parseText(text).flatMap((s) => (s.kind === "mention" ? [s.ref] : []));
}

/**
 * The composer shows mentions as "@Name"; on posting, every "@Name" of a mention the user picked
 * becomes its token. Longer names win so "@Ana Lima" is not cut to "@Ana".
 */
export function serializeMentions(display: string, picked: readonly RecordRef[]): string {
  const byLength = [...picked].sort((a, b) => b.name.length - a.name.length);
  let out = "";
  let i = 0;
  while (i < display.length) {
    const hit = display[i] === "@" ? byLength.find((r) => display.startsWith("@" + r.name, i)) : undefined;
    if (hit) {
      out += mentionToken(hit);
      i += hit.name.length + 1;
    } else {
      out += display[i];
      i += 1;
    }
  }
  return out;
}

/** The inverse, for editing: tokens become "@Name" and are returned as picked mentions. */
export function deserializeMentions(text: string): { display: string; picked: RecordRef[] } {
  const picked: RecordRef[] = [];
  let display = "";
  for (const s of parseText(text)) {
    if (s.kind === "mention") {
      display += "@" + s.ref.name;
      if (!picked.some((p) => p.id === s.ref.id && p.name === s.ref.name)) picked.push(s.ref);
    } else if (s.kind === "topic") {
      display += /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u.test(s.topic) ? "#" + s.topic : `#[${s.topic}]`;
    } else {
      display += s.text;
    }
  }
  return { display, picked };
}
