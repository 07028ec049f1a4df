/// <reference types="xrm" />
/** Post composer: textarea with @mention autocomplete (users, teams, records) and #topics. */
import type { MentionCandidate } from "../shared/api";
import { makeH, clear } from "../shared/dom";
import { deserializeMentions, serializeMentions, type RecordRef } from "../shared/mentions";
import type { Strings, StringKey } from "../shared/strings";

export interface ComposerOptions {
  doc: Document;
  win: Window;
  s: Strings;
  idPrefix: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  /** Raw post text (with tokens) to start from, when editing. */
  initial?: string;
  search: (query: string) => Promise<MentionCandidate[]>;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
  searchDelayMs?: number;
}

/** "@query" directly before the caret, at the start or after whitespace. */
export function mentionQueryAt(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const m = /(^|\s)@([^\s@[\]][^@[\]\n]{0,39})$/.exec(before);
  if (!m) return null;
  const query = m[2];
  if (query.split(" ").length > 3) return null;
  return { start: before.length - query.length - 1, query };
}

export class Composer {
  readonly el: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  private readonly listbox: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private picked: RecordRef[] = [];
  private options: MentionCandidate[] = [];
  private active = -1;
  private query: { start: number; query: string } | null = null;
  private searchSeq = 0;
  private timer: number | undefined;
  private busy = false;

  constructor(private readonly o: ComposerOptions) {
    const h = makeH(o.doc);
    const id = o.idPrefix;
    this.textarea = h("textarea", {
      class: "rf-input",
      attrs: {
        id: `${id}-text`,
        rows: 3,
        placeholder: o.placeholder,
        "aria-label": o.label,
        "aria-autocomplete": "list",
        "aria-controls": `${id}-suggestions`,
        "aria-describedby": `${id}-hint`,
        maxlength: 4000,
      },
      on: {
        input: () => this.onInput(),
        keydown: (e) => this.onKeyDown(e),
        blur: () => o.win.setTimeout(() => this.closeList(), 150),
      },
    });
    if (o.initial) {
      const { display, picked } = deserializeMentions(o.initial);
      this.textarea.value = display;
      this.picked = picked;
    }
    this.listbox = h("ul", {
      class: "rf-suggestions",
      attrs: { id: `${id}-suggestions`, role: "listbox", "aria-label": o.s.t("suggestions"), hidden: true },
    });
    this.submit = h("button", {
      class: "rf-btn rf-btn-primary",
      text: o.submitLabel,
      attrs: { type: "button", disabled: !this.textarea.value.trim() },
      on: { click: () => void this.doSubmit() },
    });
    const cancel = o.onCancel
      ? h("button", { class: "rf-btn", text: o.s.t("cancel"), attrs: { type: "button" }, on: { click: () => o.onCancel?.() } })
      : null;
    this.el = h(
      "div",
      { class: "rf-composer" },
      h("div", { class: "rf-combo" }, this.textarea, this.listbox),
      h("div", { class: "rf-composer-bar" }, h("span", { class: "rf-sr-only", text: o.s.t("composerPlaceholder"), attrs: { id: `${id}-hint` } }), cancel, this.submit),
    );
  }

  focus(): void {
    this.textarea.focus();
  }

  /** The post text with mention tokens. */
  value(): string {
    return serializeMentions(this.textarea.value, this.picked).trim();
  }

  reset(): void {
    this.textarea.value = "";
    this.picked = [];
    this.closeList();
    this.updateSubmit();
  }

  private updateSubmit(): void {
    this.submit.disabled = this.busy || !this.textarea.value.trim();
  }

  private async doSubmit(): Promise<void> {
    const text = this.value();
    if (!text || this.busy) return;
    this.busy = true;
    this.updateSubmit();
    this.textarea.setAttribute("aria-busy", "true");
    try {
      await this.o.onSubmit(text);
    } finally {
      this.busy = false;
      this.textarea.removeAttribute("aria-busy");
      this.updateSubmit();
    }
  }

  private onInput(): void {
    this.updateSubmit();
    const caret = this.textarea.selectionStart ?? this.textarea.value.length;
    this.query = mentionQueryAt(this.textarea.value, caret);
    if (this.timer !== undefined) this.o.win.clearTimeout(this.timer);
    if (!this.query) {
      this.closeList();
      return;
    }
    const q = this.query.query;
    const seq = ++this.searchSeq;
    this.timer = this.o.win.setTimeout(() => {
      this.o.search(q).then(
        (found) => {
          if (seq === this.searchSeq) this.showList(found);
        },
        () => {
          if (seq === this.searchSeq) this.showList([]);
        },
      );
    }, this.o.searchDelayMs ?? 250);
  }

  private showList(found: MentionCandidate[]): void {
    const h = makeH(this.o.doc);
    this.options = found;
    this.active = found.length ? 0 : -1;
    clear(this.listbox);
    if (!found.length) {
      this.listbox.appendChild(h("li", { class: "rf-suggestion-empty", text: this.o.s.t("noSuggestions"), attrs: { role: "presentation" } }));
    }
    found.forEach((c, i) => {
      const tableKey = `table_${c.table}` as StringKey;
      const li = h(
        "li",
        {
          class: "rf-suggestion",
          attrs: { id: `${this.o.idPrefix}-opt-${i}`, role: "option", "aria-selected": i === this.active ? "true" : "false" },
          on: {
            mousedown: (e) => e.preventDefault(), // keep focus in the textarea
            click: () => this.pick(i),
          },
        },
        h("span", { class: "rf-suggestion-name", text: c.name }),
        h("span", { class: "rf-suggestion-table", text: this.o.s.t(tableKey) === tableKey ? c.table : this.o.s.t(tableKey) }),
      );
      this.listbox.appendChild(li);
    });
    this.listbox.hidden = false;
    this.syncActive();
  }

  private syncActive(): void {
    const items = this.listbox.querySelectorAll<HTMLElement>("[role=option]");
    items.forEach((li, i) => li.setAttribute("aria-selected", i === this.active ? "true" : "false"));
    if (this.active >= 0 && !this.listbox.hidden) this.textarea.setAttribute("aria-activedescendant", `${this.o.idPrefix}-opt-${this.active}`);
    else this.textarea.removeAttribute("aria-activedescendant");
  }

  private closeList(): void {
    this.listbox.hidden = true;
    this.options = [];
    this.active = -1;
    this.syncActive();
  }

  private isListOpen(): boolean {
    return !this.listbox.hidden && this.options.length > 0;
  }

  private pick(index: number): void {
    const c = this.options[index];
    const caret = this.textarea.selectionStart ?? this.textarea.value.length;
    const q = this.query ?? mentionQueryAt(this.textarea.value, caret);
    if (!c || !q) return;
    const value = this.textarea.value;
    const end = q.start + 1 + q.query.length;
    const inserted = `@${c.name} `;
    this.textarea.value = value.slice(0, q.start) + inserted + value.slice(end);
    const pos = q.start + inserted.length;
    this.textarea.setSelectionRange(pos, pos);
    if (!this.picked.some((p) => p.id === c.id && p.name === c.name)) this.picked.push({ table: c.table, id: c.id, name: c.name });
    this.query = null;
    this.closeList();
    this.updateSubmit();
    this.textarea.focus();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.isListOpen()) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        const n = this.options.length;
        this.active = (this.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
        this.syncActive();
        return;
      }
      if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey) || e.key === "Tab") {
        e.preventDefault();
        this.pick(this.active);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        this.closeList();
        return;
      }
    }
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.doSubmit();
    } else if (e.key === "Escape" && this.o.onCancel) {
      e.preventDefault();
      this.o.onCancel();
    }
  }
}
