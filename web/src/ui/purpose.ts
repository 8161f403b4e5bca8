import type { Violation } from "../api/errors";

/** The header in which an officer states why he reads or changes someone's data (README "Purpose"). */
export const PURPOSE_HEADER = "x-access-purpose";

export const PURPOSE_MIN = 3;
export const PURPOSE_MAX = 200;
const RECENT = 5;

// sessionStorage, never localStorage: what an officer typed dies with the tab, and signing out
// forgets it at once (forgetRecentPurposes), so a shared computer keeps none of it.
const KEY_PREFIX = "family-record.purposes.";
const storageKey = (officerId: string) => `${KEY_PREFIX}${officerId}`;

/** The officer's recent purposes, the latest first (at most five), offered when he opens the next case. */
export function recentPurposes(officerId: string): string[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey(officerId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === "string").slice(0, RECENT) : [];
  } catch {
    return [];
  }
}

/** Remembers a purpose just stated: first in the list, without a duplicate, the last five only. */
export function rememberPurpose(officerId: string, purpose: string): void {
  const list = [purpose, ...recentPurposes(officerId).filter((item) => item !== purpose)].slice(0, RECENT);
  try {
    sessionStorage.setItem(storageKey(officerId), JSON.stringify(list));
  } catch {
    // Storage refused (private browsing): nothing is offered next time.
  }
}

/** Forgets every officer's recent purposes on this tab (on signing out). */
export function forgetRecentPurposes(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(KEY_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Storage refused: nothing was kept.
  }
}

interface PurposeWords {
  purposeRequired: string;
  purposeTooShort: string;
  purposeTooLong: string;
}

/** What is wrong with a purpose as typed (trimmed): required, 3 to 200 characters. */
export function purposeViolations(purpose: string, words: PurposeWords): Violation[] {
  const length = [...purpose.trim()].length;
  if (length === 0) return [{ field: "purpose", rule: "REQUIRED", message: words.purposeRequired }];
  if (length < PURPOSE_MIN) return [{ field: "purpose", rule: "TOO_SHORT", message: words.purposeTooShort }];
  if (length > PURPOSE_MAX) return [{ field: "purpose", rule: "TOO_LONG", message: words.purposeTooLong }];
  return [];
}

/**
 * The header stating a purpose. A header value may only hold Latin-1 characters (fetch refuses any
 * other), so a purpose in Arabic is sent percent-encoded (UTF-8, as encodeURIComponent does); plain
 * ASCII without a "%" is sent as typed.
 */
export function purposeHeaders(purpose: string): Record<string, string> {
  const text = purpose.trim();
  return { [PURPOSE_HEADER]: /^[\x20-\x24\x26-\x7e]*$/.test(text) ? text : encodeURIComponent(text) };
}
