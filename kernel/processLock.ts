import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class LockedError extends Error {}

interface Owner {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function readOwner(file: string): Owner | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Owner;
  } catch {
    return null; // half-written by an owner that died at once
  }
}

/**
 * An exclusive lock held by this process on `file` (created with O_EXCL), for something only one
 * process may use at a time (`what`, e.g. an embedded database's folder). A lock whose owner is
 * gone (killed with -9, say) is taken over; a living owner's is refused with a message naming it.
 * Returns the release; the lock is also released when this process exits.
 */
export function acquireProcessLock(file: string, what: string): () => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: Owner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner && (owner.host !== me.host || alive(owner.pid))) {
        throw new LockedError(
          `${what} is in use by process ${owner.pid} on ${owner.host} (since ${owner.startedAt}): stop it first, or use another folder (DATA_DIR). Lock: ${file}`,
        );
      }
      fs.rmSync(file, { force: true }); // its owner is gone: take it over
    }
  }
  throw new LockedError(`${what} was locked by another process while this one started. Lock: ${file}`);
}
