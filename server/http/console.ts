import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Where `npm run build:console` writes the console (git-ignored). */
const CONSOLE_DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "console", "dist");

/** Paths that belong to the server, never to the single-page app's fallback. */
const SERVER_PATHS = /^\/(api|open311|docs|healthz|readyz|assets)(\/|$)/;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Hotline</title>
<p>The console is not built. Run <code>npm run build:console</code> (or <code>npm start</code>, which builds it),
then reload. The API is at <a href="/docs">/docs</a>.</p>`;

/**
 * The console (issue 4) at `/` and the citizens' portal at `/public`: the built Vite app from
 * console/dist. Hashed files under /assets/ are read per request (a rebuild while the server runs
 * is picked up), cached for good and sent gzipped when the browser accepts it; any other GET that
 * is not a server path gets index.html (the SPA routes on the client).
 */
export async function consoleRoutes(app: FastifyInstance, dist = CONSOLE_DIST) {
  const assets = join(dist, "assets");
  mkdirSync(assets, { recursive: true });
  await app.register(fastifyStatic, {
    root: assets,
    prefix: "/assets/",
    index: false,
    preCompressed: true,
    setHeaders: (res, path) => {
      // index.html (sent by the fallback through the same plugin) must be revalidated every time
      res.header(
        "cache-control",
        path.startsWith(assets) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const spa = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split("?")[0] ?? "/";
    if (SERVER_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({
        error: { code: "NOT_FOUND", message: `There is no route GET ${path}.`, details: [] },
      });
    }
    reply.header("cache-control", "no-cache");
    if (!existsSync(join(dist, "index.html"))) return reply.type("text/html; charset=utf-8").send(NOT_BUILT);
    return reply.sendFile("index.html", dist);
  };
  app.get("/", { schema: { hide: true } }, spa);
  app.get("/*", { schema: { hide: true } }, spa);
}
