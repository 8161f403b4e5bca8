/** Arabic letters (the Arabic block and its presentation forms). */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;

/**
 * Text as a person or an agency recorded it (an address, a purpose, a note, a place): isolated from
 * the sentence around it, and marked Arabic when it is, so that a screen reader reads it with an
 * Arabic voice on English screens too.
 */
export function RecordedText({ text }: { text: string }) {
  return <bdi lang={ARABIC.test(text) ? "ar" : undefined}>{text}</bdi>;
}
