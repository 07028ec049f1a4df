import { describe, expect, it, vi } from "vitest";
import { createFakeXrm } from "../harness/fake-xrm";
import { mount, scopeFromSearch } from "../src/feed/feed";
import { fixture } from "./helpers";

describe("feed page bootstrap", () => {
  it("renders the record feed once a form calls setClientApiContext", async () => {
    document.body.replaceChildren();
    const root = document.createElement("main");
    document.body.append(root);
    mount(root, { waitMs: 5000 });
    const fake = createFakeXrm(structuredClone(fixture));
    (window as unknown as { setClientApiContext: (x: unknown, f: unknown) => void }).setClientApiContext(fake.xrm, fake.formContext());
    await vi.waitFor(() => expect(root.querySelectorAll("article")).toHaveLength(3));
    expect(root.querySelector(".rf-follow")).not.toBeNull();
  });

  it("without a form or a hosting Xrm it says to open the page inside Dynamics 365", async () => {
    document.body.replaceChildren();
    const root = document.createElement("main");
    document.body.append(root);
    mount(root, { waitMs: 1 });
    await vi.waitFor(() => expect(root.textContent).toBe("Open this page inside Dynamics 365 to see the feed."));
  });

  it("reads the dashboard tab from the data parameter", () => {
    expect(scopeFromSearch("?data=scope%3Dmentions")).toBe("mentions");
    expect(scopeFromSearch("?data=")).toBe("my");
    expect(scopeFromSearch("")).toBe("my");
  });
});
