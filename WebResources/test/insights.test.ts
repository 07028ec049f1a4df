import { describe, expect, it, vi } from "vitest";
import { createFakeXrm } from "../harness/fake-xrm";
import { InsightsView } from "../src/card/view";
import { fixture } from "./helpers";

const SCORED = "55555555-5555-4555-8555-555555555555";
const UNSCORED = "66666666-6666-4666-8666-666666666666";

async function render(table: string, id: string, o: { failures?: Record<string, string>; languageId?: number; edit?: (fx: typeof fixture) => void } = {}) {
  document.body.replaceChildren();
  const root = document.createElement("main");
  document.body.append(root);
  const fx = structuredClone(fixture);
  if (o.languageId) fx.me.languageId = o.languageId;
  o.edit?.(fx);
  const fake = createFakeXrm(fx, { failures: o.failures });
  const view = new InsightsView(root, { xrm: fake.xrm, formContext: fake.formContext({ table, id, name: "x" }) });
  const loading = view.load();
  const busy = root.getAttribute("aria-busy");
  await loading;
  return { root, fake, busy };
}

describe("CLV & engagement card", () => {
  it("shows CLV, the P(alive) gauge, expected transactions, sparkline, level, segment and top components", async () => {
    const { root, fake, busy } = await render("contact", SCORED);
    expect(busy).toBe("true");
    expect(root.getAttribute("aria-busy")).toBe("false");
    expect(fake.calls[0].params).toEqual({ RecordTable: "contact", RecordId: SCORED });
    expect(root.querySelector(".ri-clv .ri-value")?.textContent).toBe("$4,821");
    const gauge = root.querySelector(".ri-palive svg[role=img]")!;
    expect(gauge.getAttribute("aria-label")).toBe("Probability still active: 82%");
    expect(gauge.querySelector(".ri-gauge-value")).not.toBeNull();
    expect(root.querySelector(".ri-tx .ri-value")?.textContent).toBe("2.4");
    const spark = root.querySelector(".ri-history svg")!;
    expect(spark.getAttribute("aria-label")).toBe("History from 2021 to 2025; latest $1,500");
    expect(spark.querySelectorAll("polyline")).toHaveLength(2); // the null year 2023 is a gap
    expect([...root.querySelectorAll(".ri-tags dd")].map((d) => d.textContent)).toEqual(["Gold", "Loyal"]);
    expect(root.querySelector(".ri-bar")?.getAttribute("aria-valuenow")).toBe("73");
    expect([...root.querySelectorAll(".ri-components li")].map((l) => l.textContent)).toEqual(["Gifts41 pts", "Event attendance12 pts", "Likes9 pts"]);
    expect(root.querySelector(".ri-footer")?.textContent).toBe("Model: BG/NBD + Gamma-Gamma (fitted Nov 1, 2026) · Scored on Nov 24, 2026");
  });

  it("says 'Not scored yet' when the numbers are null", async () => {
    const { root } = await render("contact", UNSCORED);
    expect(root.querySelector(".ri-not-scored")?.textContent).toContain("Not scored yet");
    expect(root.querySelector(".ri-gauge")).toBeNull();
    expect(root.textContent).toContain("No history yet");
  });

  it("says 'Not scored yet' when the server has no insights for the record", async () => {
    const { root } = await render("account", "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
    expect(root.textContent).toContain("Not scored yet");
  });

  it("explains that other tables are not supported, without calling the server", async () => {
    const { root, fake } = await render("opportunity", SCORED);
    expect(root.textContent).toContain("Customer insights are available on contacts and accounts.");
    expect(fake.calls).toHaveLength(0);
  });

  it("shows an error with retry", async () => {
    const { root, fake } = await render("contact", SCORED, { failures: { rapport_GetCustomerInsights: "Timeout" } });
    expect(root.querySelector("[role=alert]")?.textContent).toBe("Something went wrong: Timeout");
    delete fake.options.failures;
    root.querySelector<HTMLButtonElement>(".ri-btn")!.click();
    await vi.waitFor(() => expect(root.querySelector(".ri-clv")).not.toBeNull());
  });

  it("shows a short message instead of a privilege fault from the server", async () => {
    const fault = "Principal user (Id=2f1c0000-0000-4000-8000-000000000001, type=8, roleCount=2, privilegeCount=164, accessMode=0), is missing prvReadrapport_clvscore privilege";
    const { root } = await render("contact", SCORED, { failures: { rapport_GetCustomerInsights: fault } });
    const alert = root.querySelector("[role=alert]")?.textContent ?? "";
    expect(alert).toBe("You don't have access to these figures.");
    expect(alert).not.toContain("Principal user");
  });

  it("formats for French users", async () => {
    const { root } = await render("contact", SCORED, { languageId: 1036 });
    expect(root.querySelector(".ri-title")?.textContent).toBe("Valeur client et engagement");
    expect(root.querySelector(".ri-clv .ri-value")?.textContent?.replace(/\s/g, " ")).toBe("4 821 $US");
  });

  it("shows a weak model's warning beside an approximate CLV, and the retention formulas with their inputs", async () => {
    const { root } = await render("contact", SCORED, {
      edit: (fx) => {
        const i = fx.insights[`contact:${SCORED}`];
        i.model = { ...i.model, verdict: "Usable with warnings", reasons: "Usable with warnings: Only 60 customers: estimates are rough below 200." };
        i.retention = {
          rate: 0.625,
          rateSource: "yearly retention rate r = 0.625, measured on all customers' (40 customers) gifts and purchases when the model was fitted",
          inputs: { g: 89.5, f: 0.6, margin: 1, i: 0.1 },
          formulas: [
            { name: "Gupta–Lehmann CLV", formula: "m · r / (1 + i − r), m = g · f · margin", value: 70.66 },
            { name: "Donor lifetime value", formula: "g · f / (1 − r)", value: 143.2 },
          ],
        };
      },
    });
    expect(root.querySelector(".ri-clv .ri-value")?.textContent).toBe("≈ $4,821");
    expect(root.querySelector(".ri-warning[role=note]")?.textContent).toBe("Treat this figure as rough: Usable with warnings: Only 60 customers: estimates are rough below 200.");
    expect([...root.querySelectorAll(".ri-retention li")].map((l) => l.textContent)).toEqual([
      "Gupta–Lehmann CLV: $71m · r / (1 + i − r), m = g · f · margin",
      "Donor lifetime value: $143g · f / (1 − r)",
    ]);
    expect(root.querySelector(".ri-retention .ri-muted")?.textContent).toBe("r = 0.625, g = 89.50, f = 0.60 a year, i = 0.10");
  });

  it("shows the CLV's interval when the model carries one, and none otherwise", async () => {
    const { root } = await render("contact", SCORED, {
      edit: (fx) => {
        fx.insights[`contact:${SCORED}`].clvInterval = { low: 3900.4, high: 5710.9, level: 0.9, basis: "the purchase model's parameter uncertainty" };
      },
    });
    expect(root.querySelector(".ri-interval")?.textContent).toBe("90% interval: $3,900 – $5,711");
    expect(root.querySelector(".ri-interval")?.getAttribute("title")).toBe("the purchase model's parameter uncertainty");
    const plain = await render("contact", SCORED, { edit: (fx) => { fx.insights[`contact:${SCORED}`].clvInterval = null; } });
    expect(plain.root.querySelector(".ri-interval")).toBeNull();
  });

  it("shows no warning for a usable model", async () => {
    const { root } = await render("contact", SCORED, { edit: (fx) => { fx.insights[`contact:${SCORED}`].model!.verdict = "Usable"; } });
    expect(root.querySelector(".ri-warning")).toBeNull();
    expect(root.querySelector(".ri-clv .ri-value")?.textContent).toBe("$4,821");
  });
});
