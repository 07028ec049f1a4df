// The manifest rules checked: https://learn.microsoft.com/power-apps/developer/component-framework/manifest-schema-reference/control
// and .../platform-library (React 16.14.0, Fluent 9.46.2) for React (virtual) controls.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resx } from "./helpers";

const root = join(__dirname, "..");
for (const name of ["Feed", "InsightsCard"]) {
  describe(`${name} manifest`, () => {
    const xml = readFileSync(join(root, name, "ControlManifest.Input.xml"), "utf8");
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    const control = doc.querySelector("control")!;
    it("is a virtual control in namespace Rapport with a bound text property and the platform libraries", () => {
      expect(control.getAttribute("namespace")).toBe("Rapport");
      expect(control.getAttribute("constructor")).toBe(name);
      expect(control.getAttribute("control-type")).toBe("virtual");
      const bound = [...doc.querySelectorAll("property")].filter((p) => p.getAttribute("usage") === "bound");
      expect(bound.map((p) => p.getAttribute("of-type"))).toEqual(["SingleLine.Text"]);
      expect([...doc.querySelectorAll("platform-library")].map((p) => `${p.getAttribute("name")} ${p.getAttribute("version")}`)).toEqual(["React 16.14.0", "Fluent 9.46.2"]);
    });
    it("has every display/description key in its 1033 resx", () => {
      const strings = resx(name);
      const keys = [...xml.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
      expect(keys.filter((k) => !(k in strings))).toEqual([]);
    });
  });
}
