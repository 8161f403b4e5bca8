import type { Language } from "../i18n/language";
import { pickupsWords } from "../pickups/words";
import { reviewWords } from "../review/words";
import { shipmentsWords } from "../shipments/words";
import { supportWords } from "../support/words";

/** The purposes the app itself states for its officers' lists, each in both languages. */
const APP_PURPOSES: Array<Record<Language, string>> = [
  { ar: reviewWords.ar.queuePurpose, en: reviewWords.en.queuePurpose },
  { ar: shipmentsWords.ar.queuePurpose, en: shipmentsWords.en.queuePurpose },
  { ar: supportWords.ar.pendingPurpose, en: supportWords.en.pendingPurpose },
  { ar: supportWords.ar.familiesPurpose, en: supportWords.en.familiesPurpose },
  { ar: pickupsWords.ar.purpose, en: pickupsWords.en.purpose },
];

/**
 * A recorded purpose as the reader should see it: one the app states itself, recorded in the
 * language the officer used, in the reader's language; anything an officer typed, as typed.
 */
export function purposeIn(recorded: string, language: Language): string {
  const known = APP_PURPOSES.find((purpose) => purpose.ar === recorded || purpose.en === recorded);
  return known ? known[language] : recorded;
}
