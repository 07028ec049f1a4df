/** The post composer: a textarea with @mention suggestions (users, teams, contacts, accounts); Ctrl+Enter posts. */
import * as React from "react";
import { Button, Textarea } from "@fluentui/react-components";
import { deserializeMentions, serializeMentions } from "../../WebResources/src/shared/mentions";
import type { RecordRef } from "../shared/api";
import type { T } from "../shared/strings";

/** "@query" directly before the caret, at the start or after whitespace (at most three words). */
export function mentionQueryAt(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const m = /(^|\s)@([^\s@[\]][^@[\]\n]{0,39})$/.exec(before);
  if (!m || m[2].split(" ").length > 3) return null;
  return { start: before.length - m[2].length - 1, query: m[2] };
}

export interface ComposerProps {
  id: string;
  t: T;
  label: string;
  submitLabel: string;
  initial?: string;
  search(query: string): Promise<RecordRef[]>;
  onSubmit(text: string): Promise<boolean>;
  onCancel?(): void;
  autoFocus?: boolean;
  searchDelayMs?: number;
}

export function Composer(p: ComposerProps): React.ReactElement {
  const start = React.useMemo(() => (p.initial ? deserializeMentions(p.initial) : { display: "", picked: [] as RecordRef[] }), [p.initial]);
  const [value, setValue] = React.useState(start.display);
  const [picked, setPicked] = React.useState<RecordRef[]>(start.picked);
  const [options, setOptions] = React.useState<RecordRef[] | null>(null);
  const [active, setActive] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const ref = React.useRef<HTMLTextAreaElement>(null);
  const seq = React.useRef(0);
  const timer = React.useRef<ReturnType<typeof setTimeout>>();

  React.useEffect(() => {
    if (p.autoFocus) ref.current?.focus();
    return () => clearTimeout(timer.current);
  }, []);

  const close = () => {
    setOptions(null);
    setActive(0);
  };

  const onChange = (text: string, caret: number) => {
    setValue(text);
    const q = mentionQueryAt(text, caret);
    clearTimeout(timer.current);
    if (!q) return close();
    const n = ++seq.current;
    timer.current = setTimeout(() => {
      p.search(q.query).then(
        (found) => n === seq.current && (setOptions(found), setActive(0)),
        () => n === seq.current && setOptions([]),
      );
    }, p.searchDelayMs ?? 200);
  };

  const pick = (c: RecordRef) => {
    const box = ref.current;
    const caret = box?.selectionStart ?? value.length;
    const q = mentionQueryAt(value, caret);
    if (!q) return close();
    const inserted = `@${c.name} `;
    const next = value.slice(0, q.start) + inserted + value.slice(q.start + 1 + q.query.length);
    setValue(next);
    if (!picked.some((x) => x.id === c.id && x.name === c.name)) setPicked([...picked, c]);
    close();
    const pos = q.start + inserted.length;
    setTimeout(() => {
      box?.focus();
      box?.setSelectionRange(pos, pos);
    }, 0);
  };

  const submit = async () => {
    const text = serializeMentions(value, picked).trim();
    if (!text || busy) return;
    setBusy(true);
    const ok = await p.onSubmit(text);
    setBusy(false);
    if (ok && !p.onCancel) {
      setValue("");
      setPicked([]);
    }
  };

  const open = options !== null;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (open && options!.length > 0) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((active + (e.key === "ArrowDown" ? 1 : options!.length - 1)) % options!.length);
        return;
      }
      if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey) || e.key === "Tab") {
        e.preventDefault();
        pick(options![active]);
        return;
      }
    }
    if (e.key === "Escape" && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === "Escape" && p.onCancel) {
      e.preventDefault();
      p.onCancel();
    }
  };

  const listId = `${p.id}-suggestions`;
  return (
    <div className="rf-composer">
      <div className="rf-combo">
        <Textarea
          ref={ref}
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={open && options!.length ? `${p.id}-opt-${active}` : undefined}
          aria-describedby={`${p.id}-hint`}
          aria-label={p.label}
          placeholder={p.t("composerPlaceholder")}
          value={value}
          maxLength={4000}
          resize="vertical"
          onChange={(e) => onChange(e.target.value, e.target.selectionStart ?? e.target.value.length)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(close, 150)}
        />
        <ul id={listId} role="listbox" aria-label={p.t("suggestions")} className="rf-suggestions" hidden={!open}>
          {open && options!.length === 0 ? <li role="presentation" className="rf-suggestion-empty">{p.t("noSuggestions")}</li> : null}
          {(options ?? []).map((c, i) => (
            <li
              key={`${c.table}-${c.id}`}
              id={`${p.id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="rf-suggestion"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              <span className="rf-suggestion-name">{c.name}</span>
              <span className="rf-suggestion-table">{c.table}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="rf-composer-bar">
        <span id={`${p.id}-hint`} className="rf-hint">{p.t("composerHint")}</span>
        {p.onCancel ? <Button onClick={p.onCancel}>{p.t("cancel")}</Button> : null}
        <Button appearance="primary" className="rf-submit" disabled={busy || !value.trim()} onClick={() => void submit()}>
          {p.submitLabel}
        </Button>
      </div>
    </div>
  );
}
