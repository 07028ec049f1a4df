/**
 * Tiny DOM builder. Every piece of data becomes a text node (textContent); nothing is ever parsed
 * as HTML. Components receive their root element and build through its ownerDocument.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };
}

export type H = <K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]) => HTMLElementTagNameMap[K];

export function setAttrs(el: Element, attrs: Props["attrs"]): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) el.removeAttribute(k);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

export function append(el: Node, children: Child[]): void {
  const doc = el.ownerDocument as Document;
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? doc.createTextNode(String(c)) : c);
  }
}

export function makeH(doc: Document): H {
  return (tag, props, ...children) => {
    const el = doc.createElement(tag);
    if (props?.class) el.className = props.class;
    if (props?.text !== undefined) el.textContent = props.text;
    setAttrs(el, props?.attrs);
    if (props?.on) {
      for (const [type, fn] of Object.entries(props.on)) el.addEventListener(type, fn as EventListener);
    }
    append(el, children);
    return el;
  };
}

export function clear(el: Element): void {
  while (el.lastChild) el.removeChild(el.lastChild);
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function svg(doc: Document, tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}
