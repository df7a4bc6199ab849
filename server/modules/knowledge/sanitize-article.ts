import sanitizeHtml from "sanitize-html";

/**
 * The only markup an article body may keep: paragraphs, emphasis, lists, two heading levels,
 * links and simple tables. Everything else (script, style, iframes, images, event handlers,
 * inline styles, classes) is dropped, so a body is inert wherever it is shown.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: { a: ["href"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  // http and https only: no javascript:, data:, mailto: or relative links in reference articles.
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // The text inside these is dropped as well, not kept as visible text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "template"],
  transformTags: {
    // Links open outside the console and pass no referrer or opener.
    a: (tagName, attribs) => {
      const out: sanitizeHtml.Attributes = {};
      // Checked here as well as by allowedSchemes, so sanitising a sanitised body changes nothing.
      if (attribs.href && /^https?:\/\//i.test(attribs.href.trim()))
        Object.assign(out, { href: attribs.href, rel: "noopener noreferrer", target: "_blank" });
      return { tagName, attribs: out };
    },
  },
  allowedSchemesByTag: {},
};
// `rel` and `target` are added by the transform; allow them on `a` so the sanitiser keeps them.
OPTIONS.allowedAttributes = { ...(OPTIONS.allowedAttributes as object), a: ["href", "rel", "target"] };

/** The body as stored: the allow-listed HTML, trimmed. Plain text comes back escaped, unchanged. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|li|h3|h4|tr|table|ul|ol)>|<br\s*\/?>/gi;

/**
 * The plain text of a sanitised body, for the search index and snippets: tags removed, block
 * ends turned into line breaks, entities decoded, runs of blank space collapsed.
 */
export function bodyText(html: string): string {
  const withBreaks = html.replace(BLOCK_END, "\n").replace(/<\/t[dh]>/gi, " ");
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** A title is plain text: any markup in it is kept as the characters typed, never as HTML. */
export function cleanTitle(title: string): string {
  return title.replace(/\s+/g, " ").trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
