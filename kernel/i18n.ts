export type Lang = "ar" | "en";

/** A message in both languages; parameters are filled in by the caller's function. */
export type Message<P = void> = { en: (p: P) => string; ar: (p: P) => string };

export type Catalog = Record<string, Message<any>>;

/** Each entry's Arabic takes the parameters its English takes. */
type SameParameters<C> = { [K in keyof C]: C[K] extends { en: (p: infer P) => string } ? Message<P> : Message<any> };

/**
 * A message catalogue, as every `messages.ts` declares one: an entry without both languages, or
 * whose Arabic takes other parameters than its English, does not compile. Each entry keeps its own
 * parameter type, so `say` and `Violations.add` check the parameters they are given. Name the
 * catalogue's type (`messages<Record<Code, Message<P>>>({ … })`) when its keys must be exactly a
 * union or every entry takes the same parameters.
 */
export function messages<C extends Catalog & SameParameters<C>>(catalog: C): C {
  return catalog;
}

/** Picks Arabic when the Accept-Language header prefers it over English, English otherwise. */
export function pickLanguage(acceptLanguage: string | undefined | null): Lang {
  if (!acceptLanguage) return "en";
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "ar" || tag.startsWith("ar-")) return "ar";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}

export function say<P>(lang: Lang, message: Message<P>, params: P): string {
  return message[lang](params);
}

/** A number formatter that remembers what it wrote: the same figures (ages, counts, thresholds) recur on every request. */
export interface NumberFormatter {
  format(value: number): string;
}

/** Formatted numbers kept per formatter; past this many, the memory starts again (figures are few, amounts are many). */
const MAX_REMEMBERED = 4096;

class RememberingFormatter implements NumberFormatter {
  private readonly written = new Map<number, string>();

  constructor(private readonly intl: Intl.NumberFormat) {}

  format(value: number): string {
    // -0 and 0 are one key of a Map but two texts ("-0", "0").
    if (Object.is(value, -0)) return this.intl.format(value);
    let text = this.written.get(value);
    if (text === undefined) {
      text = this.intl.format(value);
      if (this.written.size >= MAX_REMEMBERED) this.written.clear();
      this.written.set(value, text);
    }
    return text;
  }
}

/**
 * Number formatters by locale and fraction digits. Constructing an `Intl.NumberFormat` costs far
 * more than formatting with one (it was most of labor's CPU in the 50-family review), so each is
 * built once per process; formatting itself is still a few microseconds, and a 50-family review
 * formats ~1,500 figures, most of them the same few (docs/benchmarks.md).
 */
const numberFormats = new Map<string, NumberFormatter>();

export function numberFormat(locale: string, fractionDigits: number): NumberFormatter {
  const key = `${locale}/${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new RememberingFormatter(new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }));
    numberFormats.set(key, format);
  }
  return format;
}

/** Formats a whole number with thousands separators in the language's digits. */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return numberFormat(lang === "ar" ? "ar-SA" : "en-US", fractionDigits).format(value);
}

/** An Arabic noun's forms after a number (تمييز العدد): the singular (1, round hundreds), the dual, the plural (3–10), the accusative singular (11–99). */
export interface ArabicCountedNoun {
  singular: string;
  /** In the case the sentence needs: "طفلان" as a subject, "دقيقتين" after "بعد". */
  dual: string;
  plural: string;
  accusative: string;
  /** Feminine nouns take "واحدة" after the singular (دقيقة واحدة). */
  feminine?: boolean;
  /** What 0 reads as ("دون أطفال"); without it, "٠" and the singular. */
  none?: string;
}

/**
 * The noun's form after `count`: 2 the dual, 3–10 the plural, 11–99 the accusative singular; 0, 1,
 * round hundreds and thousands (and their 101, 102) the singular; past a hundred the last two
 * digits decide (١٠٣ أيام، ١١٥ يوماً، ٢٠٠ يوم). The web app counts its days by it too.
 */
export function arabicNounForm(count: number, noun: ArabicCountedNoun): string {
  const lastTwo = count % 100;
  if (count === 2) return noun.dual;
  if (lastTwo >= 3 && lastTwo <= 10) return noun.plural;
  if (lastTwo >= 11 && lastTwo <= 99) return noun.accusative;
  return noun.singular;
}

/**
 * A count and its noun as Arabic says them: one and two by the noun alone (دقيقة واحدة، دقيقتين),
 * others after the number in Arabic-Indic digits (٣ دقائق، ١٥ دقيقة، ٢٠٠ حرف، ١٠٣ أيام).
 */
export function arabicCount(count: number, noun: ArabicCountedNoun): string {
  if (count === 0 && noun.none) return noun.none;
  if (count === 1) return `${noun.singular} ${noun.feminine ? "واحدة" : "واحد"}`;
  if (count === 2) return noun.dual;
  return `${formatNumber("ar", count)} ${arabicNounForm(count, noun)}`;
}

/** Nouns more than one message counts, with the dual after a preposition (بعد دقيقتين، من حرفين). */
export const arabicNouns = {
  minute: { singular: "دقيقة", dual: "دقيقتين", plural: "دقائق", accusative: "دقيقة", feminine: true },
  character: { singular: "حرف", dual: "حرفين", plural: "أحرف", accusative: "حرفاً" },
} satisfies Record<string, ArabicCountedNoun>;

/** "1 minute", "15 minutes": a count and its English noun. */
export function englishCount(count: number, one: string, many: string): string {
  return `${formatNumber("en", count)} ${count === 1 ? one : many}`;
}
