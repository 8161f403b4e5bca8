import crypto from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { EntityManager } from "typeorm";
import { DocumentBlob } from "./documentBlob.entity";

/**
 * Where document bytes are kept, once per SHA-256. With PostgreSQL, in document_blob (the driver
 * sends them over its socket). With the embedded database, whose statements run on this
 * process's event loop (a 5 MiB insert held it for 1.3 s), in content-addressed files beside the
 * database, written by libuv's thread pool; the row then only names the hash.
 */
export interface DocumentStore {
  /** Stores the bytes (idempotent) and the document_blob row, inside the caller's transaction. */
  put(tx: EntityManager, sha256: string, content: Buffer): Promise<void>;
}

export const databaseDocumentStore: DocumentStore = {
  async put(tx, sha256, content) {
    await tx.createQueryBuilder().insert().into(DocumentBlob).values({ sha256, content }).orIgnore().execute();
  },
};

/**
 * Files under `root`, as `ab/abcdef…`. A file is written to a temporary name and renamed, so a
 * reader never sees half of one; a file whose transaction then fails stays unreferenced (the same
 * bytes attached again reuse it).
 */
export function fileDocumentStore(root: string): DocumentStore {
  return {
    async put(tx, sha256, content) {
      const file = path.join(root, sha256.slice(0, 2), sha256);
      const exists = await fs.stat(file).then(
        (stat) => stat.size === content.length,
        () => false,
      );
      if (!exists) {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${crypto.randomUUID()}.part`;
        await fs.writeFile(temporary, content, { mode: 0o600 });
        await fs.rename(temporary, file);
      }
      await tx.createQueryBuilder().insert().into(DocumentBlob).values({ sha256, content: null }).orIgnore().execute();
    },
  };
}

/** The files' folder: beside the embedded database on disk, or a temporary one (removed at stop) when the database is in memory. */
export function documentFilesFolder(dataDir: string, embedded: "disk" | "memory"): { path: string; discard(): void } {
  if (embedded === "disk") return { path: path.resolve(dataDir, "civil-affairs", "documents"), discard: () => undefined };
  const temporary = mkdtempSync(path.join(os.tmpdir(), "civil-affairs-documents-"));
  return { path: temporary, discard: () => rmSync(temporary, { recursive: true, force: true }) };
}
