import { expect, vi } from "vitest";
import { createFakeXrm, type FakeOptions, type Fixture } from "../harness/fake-xrm";
import fixtureJson from "../harness/fixture.json";
import { FeedView, type FeedOptions } from "../src/feed/view";

export const NOW = new Date("2026-11-25T10:00:00Z");
export const ME = "11111111-1111-4111-8111-111111111111";
export const RECORD = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
export const fixture = fixtureJson as unknown as Fixture;

export interface Setup {
  root: HTMLElement;
  fake: ReturnType<typeof createFakeXrm>;
  view: FeedView;
}

export function mountFeed(o: { fake?: FakeOptions; fixture?: Fixture; dashboard?: boolean; languageId?: number; view?: Partial<FeedOptions> } = {}): Setup {
  document.body.replaceChildren();
  const root = document.createElement("main");
  document.body.append(root);
  const fx = structuredClone(o.fixture ?? fixture);
  if (o.languageId) fx.me.languageId = o.languageId;
  const fake = createFakeXrm(fx, { now: () => NOW, ...o.fake });
  const view = new FeedView(root, {
    xrm: fake.xrm,
    formContext: o.dashboard ? null : fake.formContext(),
    now: () => NOW,
    searchDelayMs: 0,
    ...o.view,
  });
  return { root, fake, view };
}

export function feedOf(root: HTMLElement): HTMLElement {
  return root.querySelector<HTMLElement>("[role=feed]")!;
}

export async function settled(root: HTMLElement): Promise<void> {
  await vi.waitFor(() => expect(feedOf(root).getAttribute("aria-busy")).toBe("false"));
}

export function articles(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("article")];
}

export function button(scope: ParentNode, name: string | RegExp): HTMLButtonElement {
  const all = [...scope.querySelectorAll<HTMLButtonElement>("button")];
  const found = all.find((b) => (typeof name === "string" ? b.textContent?.trim() === name : name.test(b.textContent ?? "")));
  if (!found) throw new Error(`no button "${name}" among: ${all.map((b) => b.textContent).join(" | ")}`);
  return found;
}

export function type(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  el.value = value;
  el.setSelectionRange(value.length, value.length);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

export function key(el: Element, k: string, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
}

export function composer(root: HTMLElement): HTMLTextAreaElement {
  return root.querySelector<HTMLTextAreaElement>(".rf-composer textarea")!;
}

export function executeCalls(s: Setup, name: string) {
  return s.fake.calls.filter((c) => c.op === "execute" && c.name === name);
}
