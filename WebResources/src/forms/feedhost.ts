/// <reference types="xrm" />
/**
 * rapport_/forms/feedhost.js — form OnLoad handler: Rapport.Forms.FeedHost.onLoad (pass execution context).
 * Hands Xrm and the form context to Rapport's HTML web resources on the form (the recommended way:
 * getContentWindow().then(w => w.setClientApiContext(Xrm, formContext))), again after the first
 * save of a new record so the feed appears without reloading the form.
 * Optional handler parameter: a comma-separated list of web resource control names.
 */
export const DEFAULT_CONTROLS = ["WebResource_rapport_feed", "WebResource_rapport_insights"];

type ContentWindow = Window & { setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => void };

/** Hands the context to each named web resource control present on the form; resolves with the names handed. */
export async function handOver(formContext: Xrm.FormContext, controlNames: readonly string[] = DEFAULT_CONTROLS): Promise<string[]> {
  const handed: string[] = [];
  await Promise.all(
    controlNames.map(async (name) => {
      const control = formContext.getControl<Xrm.Controls.IframeControl>(name);
      if (!control || typeof control.getContentWindow !== "function") return;
      try {
        const w = (await control.getContentWindow()) as ContentWindow;
        if (w && typeof w.setClientApiContext === "function") {
          w.setClientApiContext(Xrm, formContext);
          handed.push(name);
        }
      } catch {
        // The web resource is not loaded (collapsed tab, hidden): it falls back on its own.
      }
    }),
  );
  return handed;
}

export function onLoad(executionContext: Xrm.Events.EventContext, controls?: string): Promise<string[]> {
  const formContext = executionContext.getFormContext();
  const names = controls ? controls.split(",").map((n) => n.trim()).filter(Boolean) : DEFAULT_CONTROLS;
  const entity = formContext.data?.entity;
  if (entity && !entity.getId() && typeof entity.addOnPostSave === "function") {
    const afterFirstSave = (): void => {
      entity.removeOnPostSave(afterFirstSave);
      void handOver(formContext, names);
    };
    entity.addOnPostSave(afterFirstSave);
  }
  return handOver(formContext, names);
}
