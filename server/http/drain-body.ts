import type { IncomingMessage } from "node:http";

/** How much of a refused body we read and throw away so the client can read our answer. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;
/** How long we wait for the rest of a refused body before giving up on it. */
export const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Reads and discards the rest of a request body, up to a bound in bytes and time.
 *
 * When a body is refused early (over the size limit, declared by Content-Length or found while
 * reading), answering at once and closing the socket resets the connection while the client is
 * still uploading: Node's `fetch` then reports "fetch failed" and the 413 is never read. Draining
 * first lets the client finish sending and read the answer. A body larger than the bound, or one
 * that trickles in slower than the timeout, is not waited for: the answer is sent and the
 * connection closed, as before.
 */
export function drainBody(
  raw: IncomingMessage,
  limitBytes = DRAIN_LIMIT_BYTES,
  timeoutMs = DRAIN_TIMEOUT_MS,
): Promise<void> {
  if (raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off("data", onData);
      raw.off("end", finish);
      raw.off("error", finish);
      raw.off("close", finish);
      resolve();
    };
    const onData = (chunk: Buffer | string) => {
      seen += chunk.length;
      if (seen > limitBytes) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    raw.on("data", onData);
    raw.once("end", finish);
    raw.once("error", finish);
    raw.once("close", finish);
    raw.resume();
  });
}
