/**
 * Pieces of an article every knowledge view uses: a snippet with its matched words highlighted,
 * the currency tags, and the body in a sandboxed frame. Article bodies are the server's sanitised
 * HTML and are still shown only inside an `<iframe sandbox>` without scripts, under a CSP that
 * loads nothing; everything else is rendered as text.
 */
import { Tag } from "antd";
import { useRef, useState } from "react";
import { type KKey, useKT } from "./i18n.ts";

/** The snippet as text, the `[start, end)` ranges in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    const start = Math.max(at, Math.min(s, text.length));
    const end = Math.max(start, Math.min(e, text.length));
    if (start > at) parts.push(text.slice(at, start));
    if (end > start) parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span className="kb-snippet">{parts}</span>;
}

/** The currency tags of an article or hit: in force, expired, review due, draft, sample. */
export function CurrencyTags({
  a,
}: {
  a: { current: boolean; expired: boolean; needsReview: boolean; status: string; sample: boolean };
}) {
  const t = useKT();
  return (
    <>
      {a.current && <Tag color="green">{t("current")}</Tag>}
      {a.expired && <Tag color="red">{t("expired")}</Tag>}
      {!a.expired && a.needsReview && <Tag color="orange">{t("needsReview")}</Tag>}
      {a.status !== "published" && <Tag>{t(a.status as KKey)}</Tag>}
      {a.sample && <Tag color="default">{t("sample")}</Tag>}
    </>
  );
}

const FRAME_CSS =
  "body{font:14px/1.7 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:8px;color:#222}" +
  "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}h3,h4{margin:8px 0 4px}";

/**
 * Sanitised article HTML in a sandboxed frame: no scripts (no `allow-scripts`), a CSP that loads
 * nothing but inline style, links opening in a new tab. `allow-same-origin` only lets this page
 * size the frame to its content; with scripts off nothing inside can use it.
 */
export function ArticleBody({ html, testId = "kb-body" }: { html: string; testId?: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const doc =
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<base target="_blank"><style>${FRAME_CSS}</style></head><body>${html}</body></html>`;
  const fit = () => {
    const b = ref.current?.contentDocument?.body;
    if (b) setHeight(Math.min(2000, Math.max(60, b.scrollHeight + 20)));
  };
  return (
    <iframe
      ref={ref}
      title="article"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      srcDoc={doc}
      onLoad={fit}
      style={{ width: "100%", height, border: "1px solid #f0f0f0", borderRadius: 6 }}
      data-testid={testId}
    />
  );
}

/** Plain text of sanitised article HTML (parsed inert, never attached to the page). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const br of doc.querySelectorAll("br")) br.replaceWith("\n");
  for (const el of doc.querySelectorAll("p,li,h3,h4,tr")) el.append("\n");
  return (doc.body.textContent ?? "").replace(/\n{3,}/g, "\n\n").trim();
}
