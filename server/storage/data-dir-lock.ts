import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite lets only one process open a data directory. The lock file names the owner's pid, so a
 * second process (a CLI command while the server runs) says so plainly instead of corrupting data.
 */
export function lockDataDir(dataDir: string, what: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, ".hotline.lock");
  if (existsSync(file)) {
    const [pidText, owner] = readFileSync(file, "utf8").split("\n");
    const pid = Number(pidText);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by ${owner ?? "another process"} (pid ${pid}). ` +
          "Only one process can open it: stop that process first, or use the running server's HTTP API.",
      );
    }
  }
  writeFileSync(file, `${process.pid}\n${what}\n`);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
