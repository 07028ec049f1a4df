import * as React from "react";
import * as ReactDOM from "react-dom";
import { act } from "react-dom/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { CardApp } from "../InsightsCard/CardApp";
import { ApiError, type Insights } from "../shared/api";
import { env, settle } from "./helpers";

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) ReactDOM.unmountComponentAtNode(root);
  root?.remove();
  root = null;
});

async function render(getInsights: () => Promise<Insights | null>, record = { table: "contact", id: "1", name: "Ann" }): Promise<HTMLElement> {
  root = document.createElement("div");
  document.body.appendChild(root);
  await act(async () => {
    ReactDOM.render(<CardApp env={env("InsightsCard", { getInsights }, record)} />, root);
  });
  await act(() => settle());
  return root;
}

const insights: Insights = {
  clv: 1234.4,
  currency: "USD",
  pAlive: 0.83,
  expectedTransactions12m: 2.345,
  segment: "Steady",
  model: { kind: "bgbb", verdict: "Usable with warnings", reasons: "only 40 donors" },
  historyGranularity: "year",
  history: [{ period: "2023", value: 100, count: 2 }, { period: "2025", value: 300, count: 3 }],
  retention: { rate: 0.6, inputs: { g: 50, f: 2, i: 0.1 }, formulas: [{ name: "Simple", formula: "m·r/(1+i−r)", value: 120 }] },
  engagement: { score: 72.4, components: [{ kind: "posts", label: "Posts", points: 40 }] },
};

describe("InsightsCard component", () => {
  it("shows the figures, the weak model's warning and a bar per year with the gap year empty", async () => {
    const el = await render(async () => insights);
    // Intl formats independently of the component: "$1,234" for en-US.
    expect(el.querySelector(".ri-clv .ri-value")!.textContent).toBe(`≈ ${new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(1234.4)}`);
    expect(el.querySelector(".ri-warning")!.textContent).toBe("Treat this figure as rough: only 40 donors");
    expect(el.querySelector(".ri-palive .ri-value")!.textContent).toBe("83%");
    expect(el.querySelector(".ri-tx .ri-value")!.textContent).toBe("2.3");
    const bars = [...el.querySelectorAll(".ri-bar")].map((b) => [b.getAttribute("data-period"), b.getAttribute("data-value")]);
    expect(bars).toEqual([["2023", "100"], ["2024", "0"], ["2025", "300"]]);
    expect([...el.querySelectorAll(".ri-history-table th")].map((t) => t.textContent)).toEqual(["2023", "2024", "2025"]);
    expect(el.querySelector(".ri-engagement .ri-value")!.textContent).toBe("72 of 100");
    expect(el.querySelector(".ri-retention")!.textContent).toContain("Simple: $120");
  });

  it("says 'You don't have access to this record' and nothing else for 0x80048306", async () => {
    const el = await render(async () => {
      throw new ApiError("no access", 0x80048306 | 0, 500);
    });
    expect(el.textContent).toBe("You don't have access to this record");
  });

  it("hides a server's fault text behind one sentence with Retry", async () => {
    const original = console.error;
    console.error = () => undefined;
    const el = await render(async () => {
      throw new ApiError("context.Caller at Rapport.Plugins.X() NullReferenceException", -2147220970, 500);
    });
    console.error = original;
    expect(el.querySelector('[role="alert"]')!.textContent).toBe("The figures couldn't be loaded. Retry");
  });

  it("names the tables it supports on another table", async () => {
    const el = await render(async () => insights, { table: "opportunity", id: "1", name: "x" });
    expect(el.querySelector(".ri-state")!.textContent).toBe("Customer insights are available on contacts and accounts.");
  });
});
