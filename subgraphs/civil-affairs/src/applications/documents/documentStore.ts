import crypto from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { DataSource, EntityManager } from "typeorm";
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
  /** The bytes stored under this hash, or null when there are none (a row without content, a file missing). */
  read(db: DataSource | EntityManager, sha256: string): Promise<Buffer | null>;
}

/** The bytes in the document_blob row; `undefined` when there is no row, null when the row keeps them in a file. */
async function rowContent(db: DataSource | EntityManager, sha256: string): Promise<Buffer | null | undefined> {
  const rows: Array<{ content: Uint8Array | null }> = await db.query(`SELECT content FROM document_blob WHERE sha256 = $1`, [sha256]);
  if (rows.length === 0) return undefined;
  const content = rows[0]!.content;
  return content ? Buffer.from(content.buffer, content.byteOffset, content.byteLength) : null;
}

export const databaseDocumentStore: DocumentStore = {
  async put(tx, sha256, content) {
    await tx.createQueryBuilder().insert().into(DocumentBlob).values({ sha256, content }).orIgnore().execute();
  },
  async read(db, sha256) {
    return (await rowContent(db, sha256)) ?? null;
  },
};

/**
 * Files under `root`, as `ab/abcdef…`. A file is written to a temporary name and renamed, so a
 * reader never sees half of one. attachDocument writes it after the application's version check, so
 * an attach that loses a race writes none; a file whose transaction fails later (a database error)
 * stays unreferenced (the same bytes attached again reuse it).
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
    // Bytes stored in the row (before DocumentFiles1767000000000) are read from it; the others from their file, by the thread pool.
    async read(db, sha256) {
      const inRow = await rowContent(db, sha256);
      if (inRow !== null) return inRow ?? null;
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      return fs.readFile(path.join(root, sha256.slice(0, 2), sha256)).catch(() => null);
    },
  };
}

/** The files' folder: beside the embedded database on disk, or a temporary one (removed at stop) when the database is in memory. */
export function documentFilesFolder(dataDir: string, embedded: "disk" | "memory"): { path: string; discard(): void } {
  if (embedded === "disk") return { path: path.resolve(dataDir, "civil-affairs", "documents"), discard: () => undefined };
  const temporary = mkdtempSync(path.join(os.tmpdir(), "civil-affairs-documents-"));
  return { path: temporary, discard: () => rmSync(temporary, { recursive: true, force: true }) };
}
