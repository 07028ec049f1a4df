/** Test helpers: the components' real resx strings and an Env whose API is a stub the test controls. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RapportApi } from "../shared/api";
import type { Env } from "../shared/host";
import { makeT } from "../shared/strings";

export function resx(component: string): Record<string, string> {
  const xml = readFileSync(join(__dirname, "..", component, "strings", `${component}.1033.resx`), "utf8");
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<data name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)) {
    out[m[1]] = m[2].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  return out;
}

export function env(component: string, api: Partial<RapportApi>, record: Env["record"] = { table: "contact", id: "11111111-1111-1111-1111-111111111111", name: "Ann Abbot" }): Env {
  const strings = resx(component);
  return {
    api: api as RapportApi,
    t: makeT((k) => strings[k] ?? ""),
    locale: "en-US",
    me: { table: "systemuser", id: "22222222-2222-2222-2222-222222222222", name: "Local Administrator" },
    record,
    openRecord: () => undefined,
    confirm: async () => true,
    theme: undefined,
  };
}

/** Lets pending promises and React updates settle. */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}
