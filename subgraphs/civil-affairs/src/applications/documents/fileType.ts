/** The file types accepted, recognised by their first bytes, never by name or declared type. */
const SIGNATURES: Array<{ mimeType: string; magic: number[] }> = [
  { mimeType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mimeType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { mimeType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectMimeType(content: Buffer): string | null {
  return SIGNATURES.find(({ magic }) => magic.every((byte, i) => content[i] === byte))?.mimeType ?? null;
}

/** What a client sends when it does not know a file's type (a browser's "" for an unknown extension). */
const UNDECLARED = new Set(["", "application/octet-stream"]);

/**
 * Whether the declared type agrees with the content's: compared loosely (case, parameters, the
 * common "image/jpg"); a client that declares no type has its file taken for what its bytes are.
 */
export function declaredTypeAgrees(declared: string, detected: string): boolean {
  const clean = declared.split(";")[0]!.trim().toLowerCase();
  return UNDECLARED.has(clean) || clean === detected || (clean === "image/jpg" && detected === "image/jpeg");
}

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Decoded size of a base64 string, known before decoding it. */
export function decodedBase64Size(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
