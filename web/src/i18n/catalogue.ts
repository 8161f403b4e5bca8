import { useLanguage, type Language } from "./language";

type Entry = string | ((...args: never[]) => string);

/**
 * A screen's words in both languages. English must have exactly Arabic's keys with the same
 * parameters: a missing or mistyped translation fails to compile.
 */
export function catalogue<const Arabic extends Record<string, Entry>>(ar: Arabic, en: { [Key in keyof Arabic]: Arabic[Key] extends string ? string : Arabic[Key] }): Record<Language, Arabic> {
  return { ar, en: en as Arabic };
}

/** The catalogue's words in the chosen language. */
export function useWords<Words>(words: Record<Language, Words>): Words {
  return words[useLanguage()];
}
