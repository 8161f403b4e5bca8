import type { Language } from "../i18n/language";
import { formatNumber } from "../i18n/format";

/** The API refuses larger documents (5 MiB); the app says so before sending anything. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The types the API recognises by content; the picker offers these. */
export const ACCEPTED_TYPES = "application/pdf,image/jpeg,image/png";

/** The file's bytes as base64, without the `data:...;base64,` prefix. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface SizeWords {
  bytes(n: string): string;
  kilobytes(n: string): string;
  megabytes(n: string): string;
}

/** "12.5 KB" / "١٢٫٥ ك.ب". */
export function formatSize(bytes: number, language: Language, words: SizeWords): string {
  const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10, language);
  if (bytes < 1024) return words.bytes(formatNumber(bytes, language));
  if (bytes < 1024 * 1024) return words.kilobytes(oneDecimal(bytes / 1024));
  return words.megabytes(oneDecimal(bytes / (1024 * 1024)));
}
