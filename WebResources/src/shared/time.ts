import type { Strings } from "./strings";

/** "just now", "3 min ago", "2 h ago", "yesterday", "4 days ago", then a localised date. */
export function relativeTime(iso: string, now: Date, s: Strings): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (Number.isNaN(ms)) return "";
  const min = Math.floor(ms / 60000);
  if (min < 1) return s.t("justNow");
  if (min < 60) return s.t("minutesAgo", { n: min });
  const h = Math.floor(min / 60);
  if (h < 24) return s.t("hoursAgo", { n: h });
  const d = Math.floor(h / 24);
  if (d === 1) return s.t("yesterday");
  if (d < 7) return s.t("daysAgo", { n: d });
  return formatDate(iso, s, then.getFullYear() !== now.getFullYear());
}

export function formatDate(iso: string, s: Strings, withYear = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(s.locale, withYear ? { dateStyle: "medium" } : { month: "short", day: "numeric" }).format(d);
}

export function formatDateTime(iso: string, s: Strings): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(s.locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}
