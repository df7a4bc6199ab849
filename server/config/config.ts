/** The server's configuration, read once from the environment (see the README's table). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  demoPassword: string | null;
  /**
   * Which reverse proxies to believe about the client (X-Forwarded-For/-Proto): null = none (the
   * socket's address is the client), or the proxies' addresses/CIDRs, or the number of hops.
   */
  trustProxy: string[] | number | null;
}

/** An IPv4/IPv6 address or CIDR, or one of Fastify's named ranges. */
const PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;

/** `HOTLINE_TRUST_PROXY`: unset/empty → null; a whole number → hops; else a comma-separated list. */
export function parseTrustProxy(raw: string | undefined, problems: string[]): string[] | number | null {
  const value = raw?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops < 1 || hops > 10) problems.push(`HOTLINE_TRUST_PROXY hops must be 1 to 10, got "${value}"`);
    return hops;
  }
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !PROXY_ENTRY.test(e));
  if (bad.length)
    problems.push(
      `HOTLINE_TRUST_PROXY must list proxy addresses or CIDRs (or loopback), got "${bad.join(", ")}"`,
    );
  return entries;
}

/** Reads and validates the configuration; a bad value fails the boot with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { demo?: boolean } = {}): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be a port number, got "${env.PORT}"`);
  const demoRaw = env.HOTLINE_DEMO;
  if (demoRaw !== undefined && demoRaw !== "0" && demoRaw !== "1")
    problems.push(`HOTLINE_DEMO must be 0 or 1, got "${demoRaw}"`);
  const url = env.DATABASE_URL?.trim() || null;
  if (url && !/^postgres(ql)?:\/\//.test(url))
    problems.push("DATABASE_URL must start with postgres:// or postgresql://");
  const pw = env.HOTLINE_DEMO_PASSWORD ?? null;
  if (pw !== null && pw.length < 8) problems.push("HOTLINE_DEMO_PASSWORD must be at least 8 characters");
  const trustProxy = parseTrustProxy(env.HOTLINE_TRUST_PROXY, problems);
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    dataDir: env.HOTLINE_DATA_DIR ?? "./data",
    databaseUrl: url,
    demo: demoRaw === undefined ? (defaults.demo ?? false) : demoRaw === "1",
    demoPassword: pw,
    trustProxy,
  };
}
