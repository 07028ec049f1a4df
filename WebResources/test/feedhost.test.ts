import { describe, expect, it, vi } from "vitest";
import { XrmMockGenerator, IframeControlMock } from "xrm-mock";
import { onLoad } from "../src/forms/feedhost";

function addWebResource(name: string, win: unknown) {
  const control = new IframeControlMock({ name, controlType: "webresource" } as never);
  control.getContentWindow = () => Promise.resolve(win as Window);
  (XrmMockGenerator.getFormContext().ui.controls as unknown as { push(c: unknown): void }).push(control);
}

describe("feed host form script", () => {
  it("hands Xrm and the form context to the feed and the insights card", async () => {
    XrmMockGenerator.initialise({ entity: { entityName: "contact", id: "{55555555-5555-4555-8555-555555555555}" } });
    const feed = { setClientApiContext: vi.fn() };
    const card = { setClientApiContext: vi.fn() };
    addWebResource("WebResource_rapport_feed", feed);
    addWebResource("WebResource_rapport_insights", card);
    const ctx = XrmMockGenerator.getEventContext();
    const handed = await onLoad(ctx);
    expect(handed.sort()).toEqual(["WebResource_rapport_feed", "WebResource_rapport_insights"]);
    expect(feed.setClientApiContext).toHaveBeenCalledWith(Xrm, ctx.getFormContext());
    expect(card.setClientApiContext).toHaveBeenCalledWith(Xrm, ctx.getFormContext());
  });

  it("ignores forms without the web resources and windows that are not Rapport pages", async () => {
    XrmMockGenerator.initialise({ entity: { entityName: "contact", id: "{55555555-5555-4555-8555-555555555555}" } });
    addWebResource("WebResource_rapport_feed", {});
    expect(await onLoad(XrmMockGenerator.getEventContext())).toEqual([]);
  });

  it("hands over again after the first save of a new record", async () => {
    XrmMockGenerator.initialise({ entity: { entityName: "account" } });
    (XrmMockGenerator.getFormContext().data.entity as unknown as { id: string }).id = ""; // unsaved
    const feed = { setClientApiContext: vi.fn() };
    addWebResource("WebResource_rapport_feed", feed);
    const formContext = XrmMockGenerator.getFormContext();
    const handlers: (() => void)[] = [];
    formContext.data.entity.addOnPostSave = ((h: () => void) => handlers.push(h)) as never;
    formContext.data.entity.removeOnPostSave = vi.fn() as never;
    await onLoad(XrmMockGenerator.getEventContext(), "WebResource_rapport_feed");
    expect(feed.setClientApiContext).toHaveBeenCalledTimes(1);
    expect(handlers).toHaveLength(1);
    handlers[0]();
    await vi.waitFor(() => expect(feed.setClientApiContext).toHaveBeenCalledTimes(2));
  });
});
