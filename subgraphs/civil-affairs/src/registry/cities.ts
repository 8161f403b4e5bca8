import type { CivilAffairsOffice } from "./office.entity";

/** Letters Arabic writers use for one another in names: alef with hamza or madda, taa marbuta, alef maqsura, Persian yeh. */
const ARABIC_VARIANTS: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي" };

/**
 * What is left of a city's name once the ways of writing it are taken out: case, spaces, hyphens,
 * apostrophes and dots, harakat and tatweel, the letter variants above, the article (ال, al-, ar-,
 * ad- …) and an English final h (Riyadh/Riyad, Jeddah/Jedda: the ة/ه of transliteration). "الرياض"
 * and "رياض" give "رياض"; "Riyadh" and " ar-RIYAD " give "riyad".
 */
export function cityKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱةىی]/g, (letter) => ARABIC_VARIANTS[letter]!)
    .replace(/['’‘ʼ`.]/g, "")
    .replace(/[\s-]+/g, " ")
    .trim()
    .replace(/^(ال ?|(al|el|a[dnrstz]|ash|adh|ath) )/, "")
    .replace(/([a-z])h\b/g, "$1");
}

/** The offices of a city named in English (`city`) or Arabic (`cityAr`), however written (cityKey), in the order given. */
export function officesIn(offices: CivilAffairsOffice[], city: string): CivilAffairsOffice[] {
  const key = cityKey(city);
  return offices.filter((office) => cityKey(office.city) === key || (office.cityAr !== null && cityKey(office.cityAr) === key));
}
