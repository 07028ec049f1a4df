/** Inline SVG charts (no chart library): a half-circle gauge and a sparkline. */
import { svg } from "../shared/dom";

/** Half-circle gauge for a probability 0..1. */
export function gauge(doc: Document, p: number, label: string, text: string): SVGElement {
  const v = Math.min(1, Math.max(0, p));
  const cx = 60, cy = 60, r = 48;
  const phi = Math.PI * (1 - v);
  const x = cx + r * Math.cos(phi);
  const y = cy - r * Math.sin(phi);
  const colour = v >= 0.7 ? "#107c10" : v >= 0.4 ? "#ca5010" : "#a4262c";
  const root = svg(doc, "svg", { viewBox: "0 0 120 70", width: 120, height: 70, role: "img", "aria-label": label, class: "ri-gauge" },
    svg(doc, "title", {}, label),
    svg(doc, "path", { d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${cx + r} ${cy}`, fill: "none", stroke: "#edebe9", "stroke-width": 10, "stroke-linecap": "round" }),
  );
  if (v > 0) {
    root.appendChild(svg(doc, "path", { d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`, fill: "none", stroke: colour, "stroke-width": 10, "stroke-linecap": "round", class: "ri-gauge-value" }));
  }
  root.appendChild(svg(doc, "text", { x: cx, y: cy - 4, "text-anchor": "middle", "font-size": 18, "font-weight": 600, fill: "#323130", "aria-hidden": "true" }, text));
  return root;
}

/** Sparkline of values in order; null values are drawn as gaps. */
export function sparkline(doc: Document, values: (number | null)[], label: string, width = 180, height = 44): SVGElement {
  const pad = 4;
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  const max = Math.max(...nums, 0);
  const min = Math.min(...nums, 0);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const pt = (v: number, i: number): [number, number] => [pad + i * step, height - pad - ((v - min) / span) * (height - 2 * pad)];
  const root = svg(doc, "svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": label, class: "ri-spark" }, svg(doc, "title", {}, label));
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) root.appendChild(svg(doc, "polyline", { points: run.join(" "), fill: "none", stroke: "#0078d4", "stroke-width": 2, "stroke-linejoin": "round" }));
    run = [];
  };
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return flush();
    const [x, y] = pt(v, i);
    run.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  });
  flush();
  const lastIndex = values.map((v) => typeof v === "number").lastIndexOf(true);
  if (lastIndex >= 0) {
    const [x, y] = pt(values[lastIndex] as number, lastIndex);
    root.appendChild(svg(doc, "circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, fill: "#0078d4" }));
  }
  return root;
}
