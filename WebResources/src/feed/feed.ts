/// <reference types="xrm" />
/**
 * rapport_/feed/feed.js — entry of the feed HTML web resource.
 * The page calls Rapport.Feed.mount(element). A form hands over the client API through
 * window.setClientApiContext(Xrm, formContext) (see rapport_/forms/feedhost.js); on a dashboard the
 * hosting window's Xrm is used. URL parameter data=scope%3Dmentions opens the Mentions tab.
 */
import { connectClientApi, type ClientApiContext } from "../shared/host";
import { createStrings } from "../shared/strings";
import { FeedView } from "./view";

export interface MountOptions {
  /** How long to wait for a form to hand over its context before using the host's Xrm. */
  waitMs?: number;
  pageSize?: number;
}

/** Reads "scope=mentions" from the web resource's custom data parameter (data=...). */
export function scopeFromSearch(search: string): "my" | "mentions" {
  const data = new URLSearchParams(search).get("data") ?? "";
  return new URLSearchParams(data).get("scope") === "mentions" ? "mentions" : "my";
}

export function mount(root: HTMLElement, options: MountOptions = {}): void {
  const win = root.ownerDocument.defaultView as Window;
  let view: FeedView | null = null;
  const render = (ctx: ClientApiContext | null): void => {
    view?.destroy();
    view = null;
    if (!ctx) {
      const p = root.ownerDocument.createElement("p");
      p.className = "rf-state";
      p.textContent = createStrings(undefined).t("noContext");
      root.replaceChildren(p);
      return;
    }
    view = new FeedView(root, {
      xrm: ctx.xrm,
      formContext: ctx.formContext,
      scope: scopeFromSearch(win.location.search),
      pageSize: options.pageSize,
    });
  };
  connectClientApi(win, render, options.waitMs);
}

export { FeedView };
