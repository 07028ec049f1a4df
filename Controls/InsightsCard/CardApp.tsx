/** The CLV & engagement card of a contact or account. */
import * as React from "react";
import { Badge, Button, FluentProvider, ProgressBar, Spinner, webLightTheme } from "@fluentui/react-components";
import { isNoAccess, type Insights } from "../shared/api";
import { logFailure, type Env } from "../shared/host";
import { count } from "../shared/strings";
import { periodLabel, toBars, type Bar, type Granularity } from "./history";

const SUPPORTED = ["contact", "account"];

export function isScored(i: Insights | null): i is Insights {
  return !!i && (i.clv != null || i.pAlive != null || i.expectedTransactions12m != null);
}

type State = { kind: "loading" } | { kind: "failed" } | { kind: "noaccess" } | { kind: "ready"; insights: Insights | null };

function money(value: number, currency: string | null | undefined, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency || "USD", maximumFractionDigits: 0 }).format(value);
  } catch {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
  }
}

function num(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A bar chart drawn in SVG (no chart library), with the same figures as a table for screen readers. */
export function HistoryChart(p: { bars: Bar[]; granularity: Granularity; env: Env; currency?: string | null }): React.ReactElement {
  const { t, locale } = p.env;
  const max = Math.max(...p.bars.map((b) => b.value), 0) || 1;
  const width = 320;
  const height = 90;
  const slot = width / p.bars.length;
  const barWidth = Math.min(slot * 0.7, 36); // a lone year stays a bar, not a block
  const every = Math.ceil(p.bars.length / 6); // at most about six axis labels
  const label = (b: Bar) =>
    t("historyRow", { period: periodLabel(b.period, p.granularity, locale), value: money(b.value, p.currency, locale), count: b.count === null ? "" : count(t, "historyCount", b.count, locale) }).replace(" ()", "");
  const total = p.bars.reduce((s, b) => s + b.value, 0);
  return (
    <figure className="ri-chart">
      <svg viewBox={`0 0 ${width} ${height + 18}`} width="100%" role="img" aria-labelledby="ri-chart-caption" className="ri-bars">
        {p.bars.map((b, i) => {
          const h = Math.round((b.value / max) * height);
          return (
            <g key={b.period}>
              <rect className="ri-bar" x={i * slot + (slot - barWidth) / 2} y={height - h} width={barWidth} height={Math.max(h, b.value > 0 ? 1 : 0)} data-period={b.period} data-value={b.value}>
                <title>{label(b)}</title>
              </rect>
              {i % every === 0 ? (
                <text x={i * slot + slot / 2} y={height + 14} textAnchor="middle" className="ri-axis" aria-hidden="true">
                  {p.granularity === "month" ? periodLabel(b.period, "month", locale) : b.period}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption id="ri-chart-caption" className="ri-caption">
        {`${t(p.granularity === "month" ? "historyByMonth" : "historyByYear")}: ${periodLabel(p.bars[0].period, p.granularity, locale)} – ${periodLabel(p.bars[p.bars.length - 1].period, p.granularity, locale)}, ${money(total, p.currency, locale)}`}
      </figcaption>
      <table className="rf-sr-only ri-history-table">
        <tbody>
          {p.bars.map((b) => (
            <tr key={b.period}>
              <th scope="row">{periodLabel(b.period, p.granularity, locale)}</th>
              <td>{money(b.value, p.currency, locale)}</td>
              <td>{b.count === null ? "" : count(t, "historyCount", b.count, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function CardApp(p: { env: Env }): React.ReactElement {
  const { env } = p;
  const { t, locale } = env;
  const supported = !!env.record && SUPPORTED.includes(env.record.table);
  const [state, setState] = React.useState<State>(supported ? { kind: "loading" } : { kind: "ready", insights: null });

  const load = React.useCallback(async () => {
    if (!supported || !env.record) return;
    setState({ kind: "loading" });
    try {
      setState({ kind: "ready", insights: await env.api.getInsights(env.record.table, env.record.id) });
    } catch (e) {
      logFailure("the customer figures could not be loaded", e);
      setState(isNoAccess(e) ? { kind: "noaccess" } : { kind: "failed" });
    }
  }, [env, supported]);

  React.useEffect(() => void load(), [load]);

  let body: React.ReactNode;
  if (state.kind === "noaccess") {
    return (
      <FluentProvider theme={env.theme ?? webLightTheme} className="ri-root">
        <p className="ri-no-access" role="alert">{t("noAccess")}</p>
      </FluentProvider>
    );
  }
  if (!supported) body = <p className="ri-state">{t("notSupported")}</p>;
  else if (state.kind === "loading") body = <Spinner size="small" label={t("loading")} />;
  else if (state.kind === "failed")
    body = (
      <div className="ri-state ri-error" role="alert">
        <span>{t("loadFailed")}</span> <Button onClick={() => void load()}>{t("retry")}</Button>
      </div>
    );
  else body = <Figures env={env} i={state.insights} />;

  return (
    <FluentProvider theme={env.theme ?? webLightTheme} className="ri-root">
      <section className="ri-card" aria-labelledby="ri-title">
        <h2 className="ri-title" id="ri-title">{t("title")}</h2>
        {body}
      </section>
    </FluentProvider>
  );
}

function Figures({ env, i }: { env: Env; i: Insights | null }): React.ReactElement {
  const { t, locale } = env;
  const history = toBars((i?.history ?? []).filter((h) => h && h.period), i?.historyGranularity);
  const weak = !!i?.model?.verdict && i.model.verdict !== "Usable";
  const pct = (v: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(v);
  const interval = i?.clvInterval && i.clvInterval.low != null && i.clvInterval.high != null ? i.clvInterval : null;
  const ret = i?.retention;
  const eng = i?.engagement;
  return (
    <>
      {isScored(i) ? (
        <dl className="ri-kpis">
          <div className="ri-kpi ri-clv">
            <dt className="ri-label">{t("clv")}</dt>
            <dd className="ri-value ri-big">{i.clv == null ? t("none") : weak ? t("approx", { value: money(i.clv, i.currency, locale) }) : money(i.clv, i.currency, locale)}</dd>
            {interval ? <dd className="ri-interval">{t("interval", { low: money(interval.low!, i.currency, locale), high: money(interval.high!, i.currency, locale) })}</dd> : null}
          </div>
          <div className="ri-kpi ri-palive">
            <dt className="ri-label" id="ri-palive-label">{t("pAlive")}</dt>
            <dd className="ri-value">{i.pAlive == null ? t("none") : pct(i.pAlive)}</dd>
            {i.pAlive != null ? <dd><ProgressBar value={Math.max(0, Math.min(1, i.pAlive))} aria-labelledby="ri-palive-label" thickness="large" /></dd> : null}
          </div>
          <div className="ri-kpi ri-tx">
            <dt className="ri-label">{t("expectedTx")}</dt>
            <dd className="ri-value">{i.expectedTransactions12m == null ? t("none") : num(i.expectedTransactions12m, locale)}</dd>
          </div>
        </dl>
      ) : (
        <div className="ri-not-scored">
          <p className="ri-state-title">{t("notScored")}</p>
          <p className="ri-help">{t("notScoredHelp")}</p>
        </div>
      )}
      {isScored(i) && weak ? <p className="ri-warning" role="note">{t("modelWarning", { reasons: i.model?.reasons || i.model?.verdict || "" })}</p> : null}
      {i?.segment ? (
        <div className="ri-tags">
          <span className="ri-label">{t("segment")}</span> <Badge appearance="tint" className="ri-chip">{i.segment}</Badge>
        </div>
      ) : null}
      <div className="ri-history">
        <h3 className="ri-label">{t("history")}</h3>
        {history.bars.length ? <HistoryChart bars={history.bars} granularity={history.granularity} env={env} currency={i?.currency} /> : <p className="ri-muted">{t("noHistory")}</p>}
      </div>
      {eng && eng.score != null ? (
        <div className="ri-engagement">
          <h3 className="ri-label" id="ri-eng-label">{t("engagement")}</h3>
          <p className="ri-value">{t("engagementOf", { score: Math.round(eng.score) })}</p>
          <ProgressBar value={Math.max(0, Math.min(100, eng.score)) / 100} aria-labelledby="ri-eng-label" />
          {eng.components?.length ? (
            <ul className="ri-components" aria-label={t("topComponents")}>
              {[...eng.components].sort((a, b) => b.points - a.points).slice(0, 3).map((c) => (
                <li key={c.kind}>
                  <span>{c.label || c.kind}</span> <span className="ri-points">{t("points", { n: num(c.points, locale, 0) })}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {ret && ret.formulas?.length ? (
        <div className="ri-retention">
          <h3 className="ri-label">{t("retention")}</h3>
          <ul>
            {ret.formulas.map((f) => (
              <li key={f.name}>
                <span>{`${f.name}: ${f.value == null ? t("none") : money(f.value, i?.currency, locale)}`}</span> <code>{f.formula}</code>
              </li>
            ))}
          </ul>
          <p className="ri-muted">
            {t("retentionInputs", {
              r: ret.rate == null ? t("none") : num(ret.rate, locale, 3),
              g: ret.inputs.g == null ? t("none") : money(ret.inputs.g, i?.currency, locale),
              f: ret.inputs.f == null ? t("none") : num(ret.inputs.f, locale, 2),
              i: ret.inputs.i == null ? t("none") : num(ret.inputs.i, locale, 2),
            })}
          </p>
        </div>
      ) : null}
      {i?.model?.kind || i?.scoredOn ? (
        <p className="ri-footer">
          {[i?.model?.kind ? `${t("model")}: ${i.model.kind}` : "", i?.scoredOn ? t("scoredOn", { date: new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(i.scoredOn)) }) : ""].filter(Boolean).join(" · ")}
        </p>
      ) : null}
    </>
  );
}
