import { describe, expect, it } from "vitest";
import { createStrings, supportedLanguages } from "../src/shared/strings";
import { relativeTime } from "../src/shared/time";

const NOW = new Date("2026-11-25T10:00:00Z");

describe("strings and relative times", () => {
  it("ships en-US and fr-FR and falls back to English for other languages", () => {
    expect(supportedLanguages()).toEqual([1033, 1036]);
    expect(createStrings(1036).t("post")).toBe("Publier");
    expect(createStrings(1031).t("post")).toBe("Post");
    expect(createStrings(undefined).locale).toBe("en-US");
  });

  it("says '3 min ago', '2 h ago', 'yesterday' and '4 days ago' in English", () => {
    const s = createStrings(1033);
    expect(relativeTime("2026-11-25T09:59:40Z", NOW, s)).toBe("just now");
    expect(relativeTime("2026-11-25T09:57:00Z", NOW, s)).toBe("3 min ago");
    expect(relativeTime("2026-11-25T08:00:00Z", NOW, s)).toBe("2 h ago");
    expect(relativeTime("2026-11-24T08:00:00Z", NOW, s)).toBe("yesterday");
    expect(relativeTime("2026-11-21T08:00:00Z", NOW, s)).toBe("4 days ago");
  });

  it("localises relative times to French", () => {
    const s = createStrings(1036);
    expect(relativeTime("2026-11-25T09:57:00Z", NOW, s)).toBe("il y a 3 min");
    expect(relativeTime("2026-11-24T08:00:00Z", NOW, s)).toBe("hier");
  });

  it("uses singular and plural forms for counts", () => {
    const s = createStrings(1033);
    expect(s.count("followers", 0)).toBe("No followers");
    expect(s.count("followers", 1)).toBe("1 follower");
    expect(s.count("followers", 1200)).toBe("1,200 followers");
  });
});
