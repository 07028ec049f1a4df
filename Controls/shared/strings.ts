/** Strings from the component's resx (context.resources.getString), with {name} placeholders filled in. */
export type T = (key: string, args?: Record<string, string | number>) => string;

export function makeT(getString: (id: string) => string): T {
  return (key, args) => {
    const template = getString(key) || key;
    return args ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in args ? String(args[name]) : m)) : template;
  };
}

/** "1 like" / "3 likes": the resx has "{key}One" for one and "{key}" for any other number. */
export function count(t: T, key: string, n: number, locale: string): string {
  return n === 1 ? t(`${key}One`) : t(key, { n: new Intl.NumberFormat(locale).format(n) });
}

/** The few LCIDs the resx ships plus common ones; anything else formats as en-US. */
const LOCALES: Record<number, string> = { 1033: "en-US", 1036: "fr-FR", 1031: "de-DE", 3082: "es-ES", 1043: "nl-NL", 2057: "en-GB" };

export function localeOf(languageId: number | undefined): string {
  return (languageId && LOCALES[languageId]) || "en-US";
}

/** "just now", "3 min ago", "2 h ago", "yesterday", "4 days ago", then a date. */
export function relativeTime(iso: string, now: Date, t: T, locale: string): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (Number.isNaN(ms)) return "";
  const min = Math.floor(ms / 60000);
  if (min < 1) return t("justNow");
  if (min < 60) return t("minutesAgo", { n: min });
  const h = Math.floor(min / 60);
  if (h < 24) return t("hoursAgo", { n: h });
  const d = Math.floor(h / 24);
  if (d === 1) return t("yesterday");
  if (d < 7) return t("daysAgo", { n: d });
  return new Intl.DateTimeFormat(locale, then.getFullYear() === now.getFullYear() ? { month: "short", day: "numeric" } : { dateStyle: "medium" }).format(then);
}

export function dateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(d);
}
