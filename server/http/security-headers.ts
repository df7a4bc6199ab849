import type { FastifyInstance } from "fastify";

/**
 * What the console and the portal may load: their own scripts only, Ant Design's injected styles,
 * images from the server and data/blob URLs (charts, thumbnails), and no framing by other sites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Swagger UI runs an inline initialiser: it gets only the framing and sniffing protections. */
const DOCS = /^\/docs(\/|$)/;

/**
 * Security headers on every response: no MIME sniffing, no framing (clickjacking), no referrer
 * leaving the site, and the content security policy on everything but the API documentation.
 */
export function securityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    if (!DOCS.test(req.url)) reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
    else reply.header("content-security-policy", "frame-ancestors 'none'");
    return payload;
  });
}

/** Query parameters whose values must never reach a log: secrets, keys, passwords, phones. */
const SECRET_PARAMS = /^(secret|api_key|apikey|key|token|password|phone|mobile|code)$/i;

/**
 * A request URL as the access log may keep it: the values of secret-bearing query parameters
 * (a tracking secret, an Open311 API key, a searched phone number) replaced by `***`.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replaceAll("+", " "));
      } catch {
        // a malformed name is kept as sent
      }
      return eq >= 0 && SECRET_PARAMS.test(decoded) ? `${name}=***` : pair;
    });
  return `${url.slice(0, q)}?${parts.join("&")}`;
}
