/// <reference types="xrm" />
/** rapport_/card/insights.js — entry of the CLV & engagement card. The page calls Rapport.Insights.mount(element). */
import { connectClientApi } from "../shared/host";
import { createStrings } from "../shared/strings";
import { InsightsView } from "./view";

export function mount(root: HTMLElement, waitMs?: number): void {
  const win = root.ownerDocument.defaultView as Window;
  connectClientApi(
    win,
    (ctx) => {
      if (!ctx) {
        const p = root.ownerDocument.createElement("p");
        p.className = "ri-state";
        p.textContent = createStrings(undefined).t("noContext");
        root.replaceChildren(p);
        return;
      }
      void new InsightsView(root, { xrm: ctx.xrm, formContext: ctx.formContext }).load();
    },
    waitMs,
  );
}

export { InsightsView };
