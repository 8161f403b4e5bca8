export type Lang = "ar" | "en";

/** A message in both languages; parameters are filled in by the caller's function. */
export type Message<P = void> = { en: (p: P) => string; ar: (p: P) => string };

export type Catalog = Record<string, Message<any>>;

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

/** Formats a whole number with thousands separators in the language's digits. */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(lang === "ar" ? "ar-SA" : "en-US", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}
