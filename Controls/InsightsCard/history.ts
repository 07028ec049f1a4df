/** The giving / purchase history as chart bars: every period from the first to the last (gaps as empty bars). */
import type { HistoryPoint } from "../shared/api";

export interface Bar {
  period: string;
  value: number;
  count: number | null;
}

export type Granularity = "month" | "year";

/** More months than this are shown by year, so each bar stays readable at 375 px. */
export const MAX_MONTH_BARS = 36;

/** The granularity the server states, else what the periods look like ("2024-03" is a month, "2024" a year). */
export function granularityOf(stated: string | null | undefined, points: readonly HistoryPoint[]): Granularity {
  if (stated === "month" || stated === "year") return stated;
  return points.some((p) => /^\d{4}-\d{2}$/.test(p.period)) ? "month" : "year";
}

function monthIndex(period: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Sums the points into one bar per period (counts summed too, null when no point had one). */
function collect(points: readonly HistoryPoint[], key: (p: HistoryPoint) => number | null): Map<number, { value: number; count: number | null }> {
  const out = new Map<number, { value: number; count: number | null }>();
  for (const p of points) {
    const k = key(p);
    if (k === null || typeof p.value !== "number" || !Number.isFinite(p.value)) continue;
    const prev = out.get(k) ?? { value: 0, count: null };
    const c = typeof p.count === "number" ? (prev.count ?? 0) + p.count : prev.count;
    out.set(k, { value: prev.value + p.value, count: c });
  }
  return out;
}

/**
 * Bars from the first period with a value to the last, one per month or year, missing periods as zero bars with count 0.
 * Monthly history longer than MAX_MONTH_BARS months is summed by calendar year.
 */
export function toBars(points: readonly HistoryPoint[], stated?: string | null): { granularity: Granularity; bars: Bar[] } {
  let granularity = granularityOf(stated, points);
  const yearOf = (p: HistoryPoint) => (/^\d{4}/.test(p.period) ? Number(p.period.slice(0, 4)) : null);
  let byKey = granularity === "month" ? collect(points, (p) => monthIndex(p.period)) : collect(points, yearOf);
  if (granularity === "month" && byKey.size > 0) {
    const keys = [...byKey.keys()];
    if (Math.max(...keys) - Math.min(...keys) + 1 > MAX_MONTH_BARS) {
      granularity = "year";
      byKey = collect(points, yearOf);
    }
  }
  if (byKey.size === 0) return { granularity, bars: [] };
  const keys = [...byKey.keys()];
  const bars: Bar[] = [];
  for (let k = Math.min(...keys); k <= Math.max(...keys); k++) {
    const hit = byKey.get(k);
    bars.push({ period: granularity === "month" ? monthName(k) : String(k), value: hit?.value ?? 0, count: hit ? hit.count : 0 });
  }
  return { granularity, bars };
}

/** "Mar 2024" or "2024" in the user's language. */
export function periodLabel(period: string, granularity: Granularity, locale: string): string {
  const m = monthIndex(period);
  if (granularity === "month" && m !== null) {
    return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)));
  }
  return period;
}
