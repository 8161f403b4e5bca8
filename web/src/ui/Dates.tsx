import { formatDateTime, formatDay, formatHijriDateTime, formatHijriDay } from "../i18n/format";
import { useLanguage } from "../i18n/language";

/** A calendar day, Gregorian with the Umm al-Qura day beside it. */
export function Day({ value }: { value: string }) {
  const language = useLanguage();
  return (
    <time dateTime={value}>
      {formatDay(value, language)} <span class="hijri">({formatHijriDay(value, language)})</span>
    </time>
  );
}

/** An instant, Gregorian with its time (Riyadh), and its Umm al-Qura day beside it. */
export function Moment({ value }: { value: string }) {
  const language = useLanguage();
  return (
    <time dateTime={value}>
      {formatDateTime(value, language)} <span class="hijri">({formatHijriDateTime(value, language)})</span>
    </time>
  );
}

/**
 * An identifier (national ID, card or tracking number) exactly as issued, Latin digits included, so
 * it can be read out or copied to another service; kept left-to-right inside right-to-left text.
 */
export function Code({ value }: { value: string }) {
  return <bdi class="ltr">{value}</bdi>;
}
