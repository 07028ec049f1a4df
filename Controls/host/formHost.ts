/**
 * The local form host's component framework runtime (what a pcf-start harness or a model-driven form does): loads each
 * control's manifest, strings, css and bundle from /controls/<Namespace>.<Constructor>/, takes its constructor from
 * ComponentFramework.registerControl, builds a context on the local Web API and renders what updateView returns with
 * the platform's React. Page config: window.__rapportLocal (as the Xrm shim reads it) and window.__rapportControls.
 */
import * as React from "react";
import * as ReactDOM from "react-dom";
import { webLightTheme } from "@fluentui/react-components";

interface LocalConfig {
  clientUrl: string;
  token?: string;
  callerId?: string;
  userId: string;
  userName: string;
  languageId: number;
  sets: Record<string, string>;
}

export interface ControlPlacement {
  /** The element to render into. */
  element: string;
  /** "Rapport.Feed" */
  control: string;
  record: { table: string; id: string; name: string } | null;
  parameters: Record<string, string>;
}

interface HostConfig {
  controls: ControlPlacement[];
  /** Display names and keys of the tables the page knows (context.utils.getEntityMetadata). */
  metadata: Record<string, { DisplayName: string; DisplayCollectionName: string; PrimaryIdAttribute: string; PrimaryNameAttribute: string; EntitySetName: string }>;
}

type Control = ComponentFramework.ReactControl<unknown, unknown>;
type ControlClass = new () => Control;

const w = window as unknown as { __rapportLocal: LocalConfig; __rapportControls: HostConfig; ComponentFramework?: unknown; Xrm?: { Navigation?: { openConfirmDialog?: (s: unknown) => Promise<{ confirmed: boolean }> } } };
const cfg = w.__rapportLocal;
const host = w.__rapportControls;
const api = `${cfg.clientUrl}/api/data/v9.2/`;

// In Dataverse the browser's sign-in cookie authorises same-origin Web API calls; here the page's token (when it was
// opened with one) and its "view as" user stand in for it, on every call to this environment's Web API.
const nativeFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith(api)) return nativeFetch(input, init);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (cfg.token) headers.set("Authorization", `Bearer ${cfg.token}`);
  if (cfg.callerId) headers.set("MSCRMCallerID", cfg.callerId);
  return nativeFetch(input, { ...init, headers, credentials: "same-origin" });
};

const registered = new Map<string, ControlClass>();
w.ComponentFramework = { registerControl: (name: string, ctor: ControlClass) => registered.set(name, ctor) };

function bare(id: string): string {
  return id.replace(/[{}]/g, "").toLowerCase();
}

function setOf(table: string): string {
  return cfg.sets[table] ?? `${table}s`;
}

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(api + path, {
    method,
    headers: { Accept: "application/json", "OData-Version": "4.0", Prefer: 'odata.include-annotations="*"', ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.ok) return response;
  const payload = await response.json().catch(() => ({ error: { code: "0x80040216", message: response.statusText } }));
  // context.webAPI rejects with an ErrorResponse: errorCode and message (and the status, for the caller's 403 check).
  throw { errorCode: parseInt(payload.error?.code ?? "0", 16) | 0, message: String(payload.error?.message ?? response.statusText), status: response.status };
}

function idFrom(response: Response): string {
  const location = response.headers.get("OData-EntityId") ?? "";
  return location.substring(location.lastIndexOf("(") + 1, location.length - 1);
}

const webAPI = {
  retrieveRecord: async (table: string, id: string, options?: string) => (await call("GET", `${setOf(table)}(${bare(id)})${options ?? ""}`)).json(),
  retrieveMultipleRecords: async (table: string, options?: string) => {
    const body = await (await call("GET", setOf(table) + (options ?? ""))).json();
    return { entities: body.value, nextLink: body["@odata.nextLink"] };
  },
  createRecord: async (table: string, data: unknown) => ({ entityType: table, id: idFrom(await call("POST", setOf(table), data)) }),
  updateRecord: async (table: string, id: string, data: unknown) => (await call("PATCH", `${setOf(table)}(${bare(id)})`, data), { entityType: table, id: bare(id) }),
  deleteRecord: async (table: string, id: string) => (await call("DELETE", `${setOf(table)}(${bare(id)})`), { entityType: table, id: bare(id) }),
};

function formUrl(table: string, id: string): string {
  return `/main.aspx?etn=${encodeURIComponent(table)}&id=${encodeURIComponent(bare(id))}${cfg.token ? `&token=${encodeURIComponent(cfg.token)}` : ""}${cfg.callerId ? `&user=${encodeURIComponent(cfg.callerId)}` : ""}`;
}

/** A confirm dialog drawn in the page (the Xrm shim's when present), never a native one. */
function confirmDialog(strings: { title?: string; text?: string; confirmButtonLabel?: string; cancelButtonLabel?: string }): Promise<{ confirmed: boolean }> {
  const xrm = w.Xrm?.Navigation?.openConfirmDialog;
  if (xrm) return xrm(strings);
  return Promise.resolve({ confirmed: false });
}

/** The resx's data elements as a dictionary (context.resources.getString). */
export function parseResx(xml: string): Record<string, string> {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const out: Record<string, string> = {};
  doc.querySelectorAll("data").forEach((d) => (out[d.getAttribute("name") ?? ""] = d.querySelector("value")?.textContent ?? ""));
  return out;
}

function load(tag: "script" | "link", url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const el = document.createElement(tag);
    if (tag === "script") (el as HTMLScriptElement).src = url;
    else Object.assign(el as HTMLLinkElement, { rel: "stylesheet", href: url });
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`${url} did not load`));
    document.head.appendChild(el);
  });
}

const lcidLocale = (lcid: number) => ({ 1033: "en-US", 1036: "fr-FR", 1031: "de-DE", 3082: "es-ES" } as Record<number, string>)[lcid] ?? "en-US";

async function mount(p: ControlPlacement): Promise<void> {
  const container = document.getElementById(p.element);
  if (!container) return;
  const base = `/controls/${p.control}/`;
  const manifest = new DOMParser().parseFromString(await (await fetch(base + "ControlManifest.xml")).text(), "application/xml");
  const strings: Record<string, string> = {};
  for (const resx of Array.from(manifest.querySelectorAll("resx"))) {
    Object.assign(strings, parseResx(await (await fetch(base + resx.getAttribute("path"))).text()));
  }
  await Promise.all(Array.from(manifest.querySelectorAll("css")).map((c) => load("link", base + c.getAttribute("path"))));
  if (!registered.has(p.control)) await load("script", base + "bundle.js");
  const Ctor = registered.get(p.control);
  if (!Ctor) throw new Error(`${p.control} did not register itself`);

  const locale = lcidLocale(cfg.languageId);
  const properties: Record<string, unknown> = {};
  manifest.querySelectorAll("property").forEach((prop) => {
    const name = prop.getAttribute("name") ?? "";
    const raw = p.parameters[name] ?? prop.getAttribute("default-value") ?? null;
    properties[name] = { raw, formatted: raw ?? "", error: false, errorMessage: "", type: prop.getAttribute("of-type"), attributes: { DisplayName: name, LogicalName: name } };
  });
  const control = new Ctor();
  const context = {
    parameters: properties,
    mode: {
      contextInfo: p.record ? { entityId: p.record.id, entityTypeName: p.record.table, entityRecordName: p.record.name } : {},
      isControlDisabled: false,
      isVisible: true,
      label: manifest.querySelector("control")?.getAttribute("display-name-key") ?? p.control,
      allocatedHeight: -1,
      allocatedWidth: container.clientWidth,
      setControlState: () => true,
      setFullScreen: () => undefined,
      trackContainerResize: () => undefined,
    },
    userSettings: {
      userId: `{${cfg.userId.toUpperCase()}}`,
      userName: cfg.userName,
      languageId: cfg.languageId,
      isRTL: false,
      securityRoles: [],
    },
    resources: {
      getString: (id: string) => strings[id] ?? id,
      getResource: (_id: string, _ok: (d: string) => void, failure: () => void) => failure(),
    },
    formatting: {
      formatCurrency: (v: number, precision?: number, symbol?: string) => `${symbol ?? "$"}${new Intl.NumberFormat(locale, { minimumFractionDigits: precision ?? 2, maximumFractionDigits: precision ?? 2 }).format(v)}`,
      formatDecimal: (v: number, precision?: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: precision ?? 2, maximumFractionDigits: precision ?? 2 }).format(v),
      formatInteger: (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v),
      formatDateShort: (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "short" }).format(d),
      formatDateLong: (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "full" }).format(d),
      formatTime: (d: Date) => new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(d),
      formatUserDateTimeToUTC: (d: Date) => d.toISOString(),
    },
    navigation: {
      openForm: (o: { entityName: string; entityId?: string }) => {
        window.location.href = formUrl(o.entityName, o.entityId ?? "");
        return Promise.resolve({ savedEntityReference: [] });
      },
      openUrl: (url: string) => void window.open(url, "_blank", "noopener"),
      openConfirmDialog: confirmDialog,
      openAlertDialog: () => Promise.resolve(),
      openErrorDialog: () => Promise.resolve(),
    },
    utils: {
      getEntityMetadata: (table: string) => {
        const m = host.metadata[table];
        return m ? Promise.resolve({ LogicalName: table, ...m }) : Promise.reject({ errorCode: 0x80040217 | 0, message: `No table named '${table}'.` });
      },
      hasEntityPrivilege: () => true,
      lookupObjects: () => Promise.resolve([]),
    },
    webAPI,
    page: { getClientUrl: () => cfg.clientUrl, entityId: p.record?.id, entityTypeName: p.record?.table },
    client: { getClient: () => "Web", getFormFactor: () => (window.innerWidth < 600 ? 3 : 1), isOffline: () => false, disableScroll: false },
    fluentDesignLanguage: { tokenTheme: webLightTheme, brand: {} },
    factory: { requestRender: () => render(), getPopupService: () => undefined },
    updatedProperties: [] as string[],
  } as unknown as ComponentFramework.Context<unknown>;

  const render = () => ReactDOM.render(control.updateView(context), container);
  control.init(context, () => undefined, {}, container as HTMLDivElement);
  render();
  container.setAttribute("data-ready", "true");
}

async function start(): Promise<void> {
  for (const placement of host.controls) {
    try {
      await mount(placement);
    } catch (e) {
      console.error(`Rapport form host: ${placement.control} could not start`, e);
      const el = document.getElementById(placement.element);
      if (el) {
        el.textContent = "This component couldn't be loaded.";
        el.setAttribute("data-ready", "failed");
      }
    }
  }
  document.body.setAttribute("data-controls-ready", "true");
}

void React; // the platform React the controls' elements belong to (ReactDOM renders them)
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void start());
else void start();
