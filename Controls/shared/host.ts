/** What both components read from the component framework context. */
import { RapportApi, cleanId, type RecordRef, type RowApi } from "./api";
import { localeOf, makeT, type T } from "./strings";

/** context.mode.contextInfo (the form's record), present in model-driven apps though not in the typings. */
interface ContextInfo {
  entityId?: string;
  entityTypeName?: string;
  entityRecordName?: string;
}

export interface Env {
  api: RapportApi;
  t: T;
  locale: string;
  me: RecordRef;
  /** The form's record; null on a dashboard or an unsaved record. */
  record: { table: string; id: string; name: string } | null;
  openRecord(ref: RecordRef): void;
  confirm(title: string, text: string, confirmLabel: string, cancelLabel: string): Promise<boolean>;
  theme: ComponentFramework.FluentDesignState["tokenTheme"] | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = ComponentFramework.Context<any>;

export function clientUrl(context: AnyContext): string {
  const page = (context as unknown as { page?: { getClientUrl?: () => string } }).page;
  return page?.getClientUrl?.() ?? globalThis.location?.origin ?? "";
}

export function envOf(context: AnyContext, fetcher?: typeof fetch): Env {
  const info = (context.mode as unknown as { contextInfo?: ContextInfo }).contextInfo ?? {};
  const id = info.entityId ? cleanId(info.entityId) : "";
  return {
    api: new RapportApi(context.webAPI as RowApi, clientUrl(context), fetcher),
    t: makeT((key) => context.resources.getString(key)),
    locale: localeOf(context.userSettings.languageId),
    me: { table: "systemuser", id: cleanId(context.userSettings.userId ?? ""), name: context.userSettings.userName ?? "" },
    record: id && info.entityTypeName ? { table: info.entityTypeName, id, name: info.entityRecordName ?? "" } : null,
    openRecord: (ref) => void context.navigation.openForm({ entityName: ref.table, entityId: ref.id }),
    confirm: async (title, text, confirmButtonLabel, cancelButtonLabel) =>
      !!(await context.navigation.openConfirmDialog({ title, text, confirmButtonLabel, cancelButtonLabel }))?.confirmed,
    theme: context.fluentDesignLanguage?.tokenTheme,
  };
}

/** Logs the details for whoever opens the console; the user sees one short sentence. */
export function logFailure(what: string, e: unknown): void {
  console.error(`Rapport: ${what}`, e);
}
