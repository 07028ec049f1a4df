/// <reference types="xrm" />
/**
 * How an HTML web resource obtains the client API. Recommended: the form's onLoad script calls
 * getContentWindow().then(w => w.setClientApiContext(Xrm, formContext)). Standalone / dashboard use:
 * fall back to the hosting window's Xrm when there is one.
 */
export interface ClientApiContext {
  xrm: Xrm.XrmStatic;
  formContext: Xrm.FormContext | null;
}

export type ContextListener = (ctx: ClientApiContext) => void;


/** The hosting page's Xrm (dashboards host HTML web resources in an iframe); null when not reachable. */
export function hostXrm(win: Window): Xrm.XrmStatic | null {
  try {
    if (win.parent === win) return null;
    const candidate = (win.parent as unknown as { Xrm?: Xrm.XrmStatic }).Xrm;
    return candidate && candidate.WebApi ? candidate : null;
  } catch {
    return null; // cross-origin parent
  }
}

export function installClientApiHook(win: Window, onContext: ContextListener): void {
  (win as unknown as { setClientApiContext: (xrm: Xrm.XrmStatic, formContext?: Xrm.FormContext | null) => void }).setClientApiContext = (
    xrm,
    formContext,
  ) => onContext({ xrm, formContext: formContext ?? null });
}

/**
 * Waits for a form to hand over the context; after `waitMs` without one, uses the host's Xrm
 * (dashboard), or reports null (opened outside Dynamics 365).
 */
export function connectClientApi(win: Window, onContext: (ctx: ClientApiContext | null) => void, waitMs = 1500): void {
  let handed = false;
  installClientApiHook(win, (ctx) => {
    handed = true;
    onContext(ctx);
  });
  win.setTimeout(() => {
    if (handed) return;
    const xrm = hostXrm(win);
    onContext(xrm ? { xrm, formContext: null } : null);
  }, waitMs);
}
