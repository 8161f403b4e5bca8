/**
 * A phrase the API words to be joined into a sentence ("household income … is above …"), shown on
 * its own line as a sentence: its first letter capitalised (Arabic has no case and is unchanged).
 */
export function asSentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
