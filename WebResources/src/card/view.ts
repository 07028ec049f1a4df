/// <reference types="xrm" />
/** The CLV & engagement card for a contact or account form. */
import { ApiError, RapportApi, cleanId, type Insights } from "../shared/api";
import { clear, makeH, type H } from "../shared/dom";
import { createStrings, userLanguage, type Strings } from "../shared/strings";
import { formatDate } from "../shared/time";
import { gauge, sparkline } from "./charts";

/** Dataverse's "missing privilege" error code (0x80040220). */
const PRIVILEGE_DENIED = -2147220960;

export interface InsightsOptions {
  xrm: Xrm.XrmStatic;
  formContext: Xrm.FormContext | null;
}

const SUPPORTED = ["contact", "account"];

export function isScored(i: Insights | null): i is Insights {
  return !!i && (i.clv != null || i.pAlive != null || i.expectedTransactions12m != null);
}

export class InsightsView {
  private readonly h: H;
  private readonly s: Strings;
  private readonly doc: Document;

  constructor(private readonly root: HTMLElement, private readonly o: InsightsOptions) {
    this.doc = root.ownerDocument;
    this.h = makeH(this.doc);
    this.s = createStrings(userLanguage(o.xrm));
    root.classList.add("ri-root");
    root.setAttribute("lang", this.s.locale);
  }

  private money(value: number, currency: string | null | undefined): string {
    try {
      return new Intl.NumberFormat(this.s.locale, { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 }).format(value);
    } catch {
      return new Intl.NumberFormat(this.s.locale, { maximumFractionDigits: 0 }).format(value);
    }
  }

  private num(value: number, digits = 1): string {
    return new Intl.NumberFormat(this.s.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
  }

  private frame(...children: (Node | null)[]): void {
    clear(this.root);
    const section = this.h("section", { class: "ri-card", attrs: { "aria-labelledby": "ri-title" } }, this.h("h2", { class: "ri-title", text: this.s.t("insightsTitle"), attrs: { id: "ri-title" } }));
    for (const c of children) if (c) section.appendChild(c);
    this.root.appendChild(section);
  }

  async load(): Promise<void> {
    const entity = this.o.formContext?.data?.entity;
    const table = entity?.getEntityName() ?? "";
    const id = entity?.getId() ?? "";
    if (!SUPPORTED.includes(table)) {
      this.frame(this.h("p", { class: "ri-state", text: this.s.t("notSupported") }));
      return;
    }
    if (!id) {
      this.render(null); // a new, unsaved record is simply not scored yet
      return;
    }
    this.root.setAttribute("aria-busy", "true");
    this.frame(this.h("p", { class: "ri-state ri-loading", text: this.s.t("loading") }));
    try {
      const insights = await new RapportApi(this.o.xrm).getInsights(table, cleanId(id));
      this.render(insights);
    } catch (e) {
      this.frame(
        this.h("div", { class: "ri-state ri-error", attrs: { role: "alert" } }, this.failure(e)),
        this.h("button", { class: "ri-btn", text: this.s.t("retry"), attrs: { type: "button" }, on: { click: () => void this.load() } }),
      );
    } finally {
      this.root.setAttribute("aria-busy", "false");
    }
  }

  /** A short message for a person: a privilege fault or a server trace is not shown raw. */
  private failure(e: unknown): string {
    const msg = e instanceof Error ? e.message : String(e);
    const code = e instanceof ApiError ? e.code : undefined;
    if (code === PRIVILEGE_DENIED || /is missing prv|Principal user|does not have .*Access/i.test(msg)) return this.s.t("noAccessFigures");
    if (msg.length > 120 || /context\.Caller|\bat [\w.]+\(|Exception/.test(msg)) return this.s.t("serverError");
    return this.s.t("error", { msg });
  }

  render(i: Insights | null): void {
    const h = this.h;
    const s = this.s;
    const parts: (Node | null)[] = [];
    if (!isScored(i)) {
      parts.push(h("div", { class: "ri-not-scored" }, h("p", { class: "ri-state-title", text: s.t("notScored") }), h("p", { class: "ri-help", text: s.t("notScoredHelp") })));
    } else {
      const weak = !!i.model?.verdict && i.model.verdict !== "Usable";
      const clvText = i.clv != null ? this.money(i.clv, i.currency) : s.t("none");
      const pct = i.pAlive != null ? new Intl.NumberFormat(s.locale, { style: "percent", maximumFractionDigits: 0 }).format(i.pAlive) : s.t("none");
      parts.push(
        h("div", { class: "ri-kpis" },
          h("div", { class: "ri-kpi ri-clv" }, h("span", { class: "ri-label", text: s.t("clv") }), h("span", { class: "ri-value ri-big", text: weak && i.clv != null ? s.t("approx", { value: clvText }) : clvText })),
          h("div", { class: "ri-kpi ri-palive" }, h("span", { class: "ri-label", text: s.t("pAlive") }), i.pAlive != null ? gauge(this.doc, i.pAlive, s.t("gaugeLabel", { pct }), pct) : h("span", { class: "ri-value", text: s.t("none") })),
          h("div", { class: "ri-kpi ri-tx" }, h("span", { class: "ri-label", text: s.t("expectedTx") }), h("span", { class: "ri-value", text: i.expectedTransactions12m != null ? this.num(i.expectedTransactions12m) : s.t("none") })),
        ),
      );
    }
    const range = isScored(i) ? i.clvInterval : null;
    if (range && range.low != null && range.high != null && range.level != null) {
      // The CLV's uncertainty from the fitted parameters, so the number is never read as exact.
      const level = new Intl.NumberFormat(s.locale, { style: "percent", maximumFractionDigits: 0 }).format(range.level);
      parts.push(h("p", { class: "ri-range ri-interval", attrs: { title: range.basis ?? "" }, text: s.t("clvInterval", { level, low: this.money(range.low, i?.currency), high: this.money(range.high, i?.currency) }) }));
    }
    if (isScored(i) && i.model?.verdict && i.model.verdict !== "Usable") {
      // A weak model: say so beside the number instead of showing a bare figure.
      parts.push(h("p", { class: "ri-warning", attrs: { role: "note" }, text: s.t("modelWarning", { reasons: i.model.reasons || i.model.verdict }) }));
    }
    const ret = i?.retention;
    if (ret && ret.formulas?.length) {
      const n = (v: number | null, d = 2) => (v == null ? s.t("none") : this.num(v, d));
      parts.push(
        h("div", { class: "ri-retention" },
          h("span", { class: "ri-label", text: s.t("retention") }),
          h("ul", null, ...ret.formulas.map((f) => h("li", null, h("span", { text: `${f.name}: ${f.value != null ? this.money(f.value, i?.currency) : s.t("none")}` }), h("code", { text: f.formula })))),
          h("span", { class: "ri-muted", text: s.t("retentionInputs", { r: n(ret.rate, 3), g: n(ret.inputs.g), f: n(ret.inputs.f), i: n(ret.inputs.i) }) }),
        ),
      );
    }
    const history = (i?.history ?? []).filter((p) => p && p.period);
    const histBox = h("div", { class: "ri-history" }, h("span", { class: "ri-label", text: s.t("history12") }));
    if (history.length) {
      const last = [...history].reverse().find((p) => p.value != null);
      const label = s.t("sparkLabel", { from: history[0].period, to: history[history.length - 1].period, value: last?.value != null ? this.money(last.value, i?.currency) : s.t("none") });
      histBox.append(sparkline(this.doc, history.map((p) => p.value), label), h("span", { class: "ri-range", text: `${history[0].period}–${history[history.length - 1].period}` }));
    } else {
      histBox.append(h("span", { class: "ri-muted", text: s.t("noHistory") }));
    }
    parts.push(histBox);
    if (i?.level || i?.segment) {
      parts.push(
        h("dl", { class: "ri-tags" },
          i.level ? h("div", null, h("dt", { text: s.t("level") }), h("dd", { class: "ri-chip", text: i.level })) : null,
          i.segment ? h("div", null, h("dt", { text: s.t("segment") }), h("dd", { class: "ri-chip", text: i.segment })) : null,
        ),
      );
    }
    const eng = i?.engagement;
    if (eng && eng.score != null) {
      const score = Math.round(eng.score);
      const top = [...(eng.components ?? [])].sort((a, b) => b.points - a.points).slice(0, 3);
      parts.push(
        h("div", { class: "ri-engagement" },
          h("span", { class: "ri-label", attrs: { id: "ri-eng-label" }, text: s.t("engagement") }),
          h("div", { class: "ri-eng-row" },
            h("span", { class: "ri-value", text: String(score) }),
            h("div", { class: "ri-bar", attrs: { role: "meter", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": score, "aria-labelledby": "ri-eng-label" } },
              h("div", { class: "ri-bar-fill", attrs: { style: `width:${Math.min(100, Math.max(0, score))}%` } }),
            ),
          ),
          top.length ? h("span", { class: "ri-sublabel", text: s.t("topComponents") }) : null,
          top.length ? h("ul", { class: "ri-components" }, ...top.map((c) => h("li", null, h("span", { text: c.label || c.kind }), h("span", { class: "ri-points", text: s.t("points", { n: this.num(c.points, 0) }) })))) : null,
        ),
      );
    }
    const footer: string[] = [];
    if (i?.model?.kind) footer.push(`${s.t("model")}: ${i.model.kind}${i.model.fittedOn ? ` (${s.t("fittedOn", { date: formatDate(i.model.fittedOn, s) })})` : ""}`);
    if (i?.scoredOn) footer.push(s.t("scoredOn", { date: formatDate(i.scoredOn, s) }));
    if (footer.length) parts.push(h("p", { class: "ri-footer", text: footer.join(" · ") }));
    this.frame(...parts);
  }
}
