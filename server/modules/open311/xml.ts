/**
 * A small XML writer for Open311 answers: schemaless, no namespace, UTF-8 with the declaration.
 * It maps a JSON value the way the standard's "Spark convention" maps XML to JSON, backwards:
 * an object is a sequence of child elements, an array under a (plural) name holds one element per
 * item named by {@link ITEM_NAMES}, `null` is an empty element, `undefined` is left out.
 */

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [k: string]: XmlValue };

/** The element name of an item in each list the standard defines (plural → singular). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  services: "service",
  service_requests: "request",
  attributes: "attribute",
  values: "value",
  errors: "error",
  endpoints: "endpoint",
  formats: "format",
  notes: "note",
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, lone
 * surrogates, U+FFFE/U+FFFF): dropped, so any stored text still gives a well-formed document.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for element content. */
function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function element(name: string, value: XmlValue, out: string[], depth: number): void {
  if (value === undefined) return;
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (depth > 32) throw new Error("XML nesting deeper than 32 levels");
  if (value === null) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`no item element name for the list ${name}`);
    out.push(`<${name}>`);
    for (const v of value) element(item, v, out, depth + 1);
    out.push(`</${name}>`);
  } else if (typeof value === "object") {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out, depth + 1);
    out.push(`</${name}>`);
  } else {
    const text = typeof value === "number" && !Number.isFinite(value) ? "" : String(value);
    out.push(text === "" ? `<${name}/>` : `<${name}>${escapeXml(text)}</${name}>`);
  }
}

/** A whole document: the declaration, then `root` holding `value`. */
export function xmlDocument(root: string, value: XmlValue): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  element(root, value, out, 0);
  out.push("\n");
  return out.join("");
}
