/**
 * A minimal XML reader for tests of XML answers (Open311): the declaration, elements without
 * attributes, text with the five predefined entities. It throws on anything malformed
 * (mismatched or unclosed tags, stray text at the top), so reading a document checks it too.
 */

export interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

export interface XmlDoc {
  declaration: string;
  root: XmlNode;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(s)) throw new Error(`bare & in text: ${s.slice(0, 40)}`);
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITIES[e] ?? "");
}

export function parseXml(text: string): XmlDoc {
  const decl = /^<\?xml [^?]*\?>/.exec(text);
  if (!decl) throw new Error("no XML declaration at the very start");
  const tokens = text.slice(decl[0].length).match(/<[^>]*>|[^<]+/g) ?? [];
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  for (const tok of tokens) {
    if (tok.startsWith("<")) {
      const m = /^<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>$/.exec(tok);
      if (!m) throw new Error(`not a plain tag: ${tok}`);
      const [, close, name, selfClose] = m;
      if (close) {
        const top = stack.pop();
        if (!top || top.name !== name) throw new Error(`</${name}> closes <${top?.name}>`);
        if (!stack.length) root = top;
        continue;
      }
      if (root) throw new Error("a second root element");
      const node: XmlNode = { name: name!, children: [], text: "" };
      stack.at(-1)?.children.push(node);
      if (selfClose) {
        if (!stack.length) root = node;
      } else stack.push(node);
    } else {
      const top = stack.at(-1);
      if (top) top.text += decode(tok);
      else if (tok.trim()) throw new Error(`text outside the root: ${tok.slice(0, 40)}`);
    }
  }
  if (stack.length || !root) throw new Error("unclosed elements");
  return { declaration: decl[0], root };
}

/** The first child of a name (throws when missing, so a test names what it expected). */
export function child(node: XmlNode, name: string): XmlNode {
  const c = node.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${node.name}> has no <${name}>`);
  return c;
}

/** The text of a child element. */
export const textOf = (node: XmlNode, name: string): string => child(node, name).text;
