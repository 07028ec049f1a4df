import { describe, expect, it } from "vitest";
import { MAX_MONTH_BARS, granularityOf, periodLabel, toBars } from "../InsightsCard/history";

describe("history bars", () => {
  it("fills the months between the first and the last gift with empty bars, counts summed per month", () => {
    const { granularity, bars } = toBars(
      [
        { period: "2024-11", value: 50, count: 1 },
        { period: "2025-02", value: 20, count: 1 },
        { period: "2025-02", value: 30, count: 2 },
      ],
      "month",
    );
    expect(granularity).toBe("month");
    // Nov, Dec, Jan, Feb: counted independently with Date arithmetic.
    const months: string[] = [];
    for (let d = new Date(Date.UTC(2024, 10, 1)); d <= new Date(Date.UTC(2025, 1, 1)); d.setUTCMonth(d.getUTCMonth() + 1)) {
      months.push(d.toISOString().slice(0, 7));
    }
    expect(bars.map((b) => b.period)).toEqual(months);
    expect(bars.map((b) => [b.value, b.count])).toEqual([[50, 1], [0, 0], [0, 0], [50, 3]]);
  });

  it("sums a monthly history longer than three years by calendar year", () => {
    const points = Array.from({ length: 48 }, (_, i) => ({ period: `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`, value: 10, count: 1 }));
    const { granularity, bars } = toBars(points, "month");
    expect(points.length).toBeGreaterThan(MAX_MONTH_BARS);
    expect(granularity).toBe("year");
    expect(bars).toEqual([2021, 2022, 2023, 2024].map((y) => ({ period: String(y), value: 120, count: 12 })));
  });

  it("reads today's yearly shape (no granularity, no counts) and draws nothing for no history", () => {
    expect(granularityOf(undefined, [{ period: "2024", value: 1 }])).toBe("year");
    expect(granularityOf(null, [{ period: "2024-03", value: 1 }])).toBe("month");
    expect(toBars([{ period: "2022", value: 5 }, { period: "2024", value: 7 }]).bars).toEqual([
      { period: "2022", value: 5, count: null },
      { period: "2023", value: 0, count: 0 },
      { period: "2024", value: 7, count: null },
    ]);
    expect(toBars([]).bars).toEqual([]);
    expect(toBars([{ period: "2024", value: null }]).bars).toEqual([]);
  });

  it("labels months in the user's language", () => {
    expect(periodLabel("2024-03", "month", "en-US")).toBe("Mar 2024");
    expect(periodLabel("2024-03", "month", "fr-FR")).toBe("mars 2024");
    expect(periodLabel("2024", "year", "en-US")).toBe("2024");
  });
});
