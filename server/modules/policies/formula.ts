import { ATTR_BY_KEY } from "../enterprises/index.ts";

/**
 * The amount formula language (金额公式): numbers, numeric attributes, `+ - * /`, unary minus,
 * parentheses, `min(a, b, …)`, `max(a, b, …)`, `round(x)` / `round(x, digits)` (half away from
 * zero). Parsed here into an AST by a small recursive-descent parser; never evaluated as code.
 */
export type Formula =
  | { k: "num"; v: number }
  | { k: "attr"; key: string }
  | { k: "neg"; e: Formula }
  | { k: "bin"; op: "+" | "-" | "*" | "/"; l: Formula; r: Formula }
  | { k: "call"; fn: "min" | "max" | "round"; args: Formula[] };

type Tok =
  | { t: "num"; v: number; at: number }
  | { t: "id"; v: string; at: number }
  | { t: "op"; v: string; at: number };

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(s.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z][A-Za-z0-9]*/.exec(s.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0], at: i });
      i += id[0].length;
      continue;
    }
    if ("+-*/(),".includes(ch)) {
      out.push({ t: "op", v: ch, at: i });
      i++;
      continue;
    }
    throw new FormulaError(`unexpected character '${ch}' at position ${i + 1}`);
  }
  return out;
}

export class FormulaError extends Error {}

/** Parses a formula; throws FormulaError with a sentence naming the problem and position. */
export function parseFormula(src: string): Formula {
  if (src.length > 1000) throw new FormulaError("the formula is longer than 1000 characters");
  const toks = tokenize(src);
  let p = 0;
  let depth = 0;
  const peek = () => toks[p];
  const expectOp = (v: string) => {
    const t = toks[p];
    if (t?.t !== "op" || t.v !== v) {
      throw new FormulaError(`expected '${v}' ${t ? `at position ${t.at + 1}` : "at the end"}`);
    }
    p++;
  };
  const expr = (): Formula => {
    let l = term();
    for (let t = peek(); t && t.t === "op" && (t.v === "+" || t.v === "-"); t = peek()) {
      p++;
      l = { k: "bin", op: t.v as "+" | "-", l, r: term() };
    }
    return l;
  };
  const term = (): Formula => {
    let l = unary();
    for (let t = peek(); t && t.t === "op" && (t.v === "*" || t.v === "/"); t = peek()) {
      p++;
      l = { k: "bin", op: t.v as "*" | "/", l, r: unary() };
    }
    return l;
  };
  const unary = (): Formula => {
    const t = peek();
    if (t && t.t === "op" && t.v === "-") {
      p++;
      return { k: "neg", e: unary() };
    }
    return atom();
  };
  const atom = (): Formula => {
    const t = peek();
    if (!t) throw new FormulaError("the formula ends too early");
    if (++depth > 50) throw new FormulaError("the formula is nested too deeply");
    try {
      if (t.t === "num") {
        p++;
        return { k: "num", v: t.v };
      }
      if (t.t === "op" && t.v === "(") {
        p++;
        const e = expr();
        expectOp(")");
        return e;
      }
      if (t.t === "id") {
        p++;
        const next = peek();
        if (next && next.t === "op" && next.v === "(") {
          if (t.v !== "min" && t.v !== "max" && t.v !== "round") {
            throw new FormulaError(`unknown function ${t.v} (use min, max, round)`);
          }
          p++;
          const args = [expr()];
          while (peek()?.t === "op" && peek()?.v === ",") {
            p++;
            args.push(expr());
          }
          expectOp(")");
          if (t.v === "round" && args.length > 2) throw new FormulaError("round takes one or two arguments");
          if (
            t.v === "round" &&
            args[1] &&
            (args[1].k !== "num" || !Number.isInteger(args[1].v) || args[1].v > 6)
          ) {
            throw new FormulaError("round's digits must be a whole number from 0 to 6");
          }
          if (t.v !== "round" && args.length < 2)
            throw new FormulaError(`${t.v} needs at least two arguments`);
          return { k: "call", fn: t.v, args };
        }
        const def = ATTR_BY_KEY.get(t.v);
        if (!def) throw new FormulaError(`unknown attribute ${t.v}`);
        if (def.type !== "number") throw new FormulaError(`${t.v} is a ${def.type}, not a number`);
        return { k: "attr", key: t.v };
      }
      throw new FormulaError(`unexpected '${t.v}' at position ${t.at + 1}`);
    } finally {
      depth--;
    }
  };
  if (toks.length === 0) throw new FormulaError("the formula is empty");
  const e = expr();
  const rest = peek();
  if (rest) throw new FormulaError(`unexpected '${String(rest.v)}' at position ${rest.at + 1}`);
  return e;
}

/** The attributes a formula reads, in first-use order. */
export function formulaAttrs(f: Formula, out: string[] = []): string[] {
  if (f.k === "attr" && !out.includes(f.key)) out.push(f.key);
  if (f.k === "neg") formulaAttrs(f.e, out);
  if (f.k === "bin") {
    formulaAttrs(f.l, out);
    formulaAttrs(f.r, out);
  }
  if (f.k === "call") for (const a of f.args) formulaAttrs(a, out);
  return out;
}

/** Range of values, for static checks: [lo, hi]. */
export type Bounds = [number, number];

function mulBounds(a: Bounds, b: Bounds): Bounds {
  const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]].map((x) => (Number.isNaN(x) ? 0 : x));
  return [Math.min(...ps), Math.max(...ps)];
}

/**
 * Static analysis over attribute bounds (from the attribute list and the rule's own conditions):
 * the formula's possible range, and whether some denominator is always zero (a literal 0 or a
 * constant expression equal to 0).
 */
export function analyzeFormula(
  f: Formula,
  bounds: (key: string) => Bounds,
): { range: Bounds; zeroDivision: boolean } {
  let zeroDivision = false;
  const walk = (e: Formula): Bounds => {
    switch (e.k) {
      case "num":
        return [e.v, e.v];
      case "attr":
        return bounds(e.key);
      case "neg": {
        const [lo, hi] = walk(e.e);
        return [-hi, -lo];
      }
      case "bin": {
        const l = walk(e.l);
        const r = walk(e.r);
        if (e.op === "+") return [l[0] + r[0], l[1] + r[1]];
        if (e.op === "-") return [l[0] - r[1], l[1] - r[0]];
        if (e.op === "*") return mulBounds(l, r);
        if (r[0] === 0 && r[1] === 0) {
          zeroDivision = true;
          return [0, 0];
        }
        // a denominator that may be 0 is checked at run time (an error result, never Infinity)
        if (r[0] >= 0 && l[0] >= 0) return [0, r[0] > 0 ? l[1] / r[0] : Infinity];
        if (r[1] <= 0 && l[1] <= 0) return [0, Infinity];
        if (r[0] <= 0 && r[1] >= 0) return [-Infinity, Infinity];
        return mulBounds(l, [1 / r[1], 1 / r[0]]);
      }
      case "call": {
        const bs = e.args.map(walk);
        if (e.fn === "round") return bs[0] ?? [0, 0];
        if (e.fn === "min") return [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1]))];
        return [Math.max(...bs.map((b) => b[0])), Math.max(...bs.map((b) => b[1]))];
      }
    }
  };
  const range = walk(f);
  return { range, zeroDivision };
}

/** Rounds half away from zero at `digits` decimals, on the decimal text (1.005 → 1.01). */
export function roundHalfUp(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  if (abs >= 1e15) return x;
  const shifted = Math.round(Number(`${abs}e${digits}`));
  return sign * Number(`${shifted}e${-digits}`);
}

/** Evaluates a formula over attribute values (an interpreter, for explanations and checks). */
export function evalFormula(f: Formula, get: (key: string) => number): number {
  switch (f.k) {
    case "num":
      return f.v;
    case "attr":
      return get(f.key);
    case "neg":
      return -evalFormula(f.e, get);
    case "bin": {
      const l = evalFormula(f.l, get);
      const r = evalFormula(f.r, get);
      if (f.op === "+") return l + r;
      if (f.op === "-") return l - r;
      if (f.op === "*") return l * r;
      if (r === 0) throw new FormulaError("division by zero");
      return l / r;
    }
    case "call": {
      const vs = f.args.map((a) => evalFormula(a, get));
      if (f.fn === "min") return Math.min(...vs);
      if (f.fn === "max") return Math.max(...vs);
      return roundHalfUp(vs[0] ?? 0, vs[1] ?? 0);
    }
  }
}

/**
 * JavaScript source of a formula, for the compiler. Attributes become the local variables the
 * compiler names (`name(key)`); division goes through `D(x, y)`, which flags a zero denominator.
 * Only numbers (JSON literals) and generated names appear: no text of the user is spliced in.
 */
export function formulaToJs(
  f: Formula,
  name: (key: string) => string,
  num: (v: number) => string = (v) => JSON.stringify(v),
): string {
  const sub = (e: Formula) => formulaToJs(e, name, num);
  switch (f.k) {
    case "num":
      return num(f.v);
    case "attr":
      return name(f.key);
    case "neg":
      return `(-${sub(f.e)})`;
    case "bin":
      return f.op === "/" ? `D(${sub(f.l)}, ${sub(f.r)})` : `(${sub(f.l)} ${f.op} ${sub(f.r)})`;
    case "call": {
      const args = f.args.map(sub);
      if (f.fn === "round") return `R(${args[0]}, ${args[1] ?? "0"})`;
      return `Math.${f.fn}(${args.join(", ")})`;
    }
  }
}

/** FEEL source of a formula (for the independent cross-check with feelin). */
export function formulaToFeel(f: Formula): string {
  switch (f.k) {
    case "num":
      return String(f.v);
    case "attr":
      return f.key;
    case "neg":
      return `(-${formulaToFeel(f.e)})`;
    case "bin":
      return `(${formulaToFeel(f.l)} ${f.op} ${formulaToFeel(f.r)})`;
    case "call": {
      const args = f.args.map(formulaToFeel);
      if (f.fn === "round") return `round half up(${args[0]}, ${args[1] ?? "0"})`;
      return `${f.fn}(${args.join(", ")})`;
    }
  }
}

/** The formula as an officer reads it, with the attributes' Chinese labels. */
export function formulaToChinese(f: Formula): string {
  switch (f.k) {
    case "num":
      return String(f.v);
    case "attr":
      return ATTR_BY_KEY.get(f.key)?.label ?? f.key;
    case "neg":
      return `-${formulaToChinese(f.e)}`;
    case "bin":
      return `(${formulaToChinese(f.l)} ${f.op === "*" ? "×" : f.op === "/" ? "÷" : f.op} ${formulaToChinese(f.r)})`;
    case "call": {
      const name = f.fn === "min" ? "取小" : f.fn === "max" ? "取大" : "四舍五入";
      return `${name}(${f.args.map(formulaToChinese).join(", ")})`;
    }
  }
}
