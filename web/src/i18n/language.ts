import { useEffect, useState } from "preact/hooks";

export type Language = "ar" | "en";

const STORAGE_KEY = "family-record.language";

/** Arabic unless the person chose English before (the choice is not personal data: localStorage). */
function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ar";
  } catch {
    return "ar";
  }
}

let current: Language = initialLanguage();
const listeners = new Set<(language: Language) => void>();

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = language === "ar" ? "rtl" : "ltr";
}

applyToDocument(current);

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private browsing may refuse storage: the choice then lasts for this page only.
  }
  applyToDocument(next);
  for (const listener of listeners) listener(next);
}

/** The chosen language; the component renders again when it changes. */
export function useLanguage(): Language {
  const [value, setValue] = useState(current);
  useEffect(() => {
    listeners.add(setValue);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
