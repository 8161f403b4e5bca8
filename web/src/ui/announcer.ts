import { useEffect, useState } from "preact/hooks";

/**
 * Status changes for screen readers: one polite live region in the frame (ui/Frame.tsx) reads out
 * what `announce` is given ("Application submitted", "Document attached").
 */
let message = "";
const listeners = new Set<(text: string) => void>();
let pending: ReturnType<typeof setTimeout> | undefined;

function say(text: string): void {
  message = text;
  for (const listener of listeners) listener(text);
}

export function announce(text: string): void {
  // Cleared first, so the same words said twice are read twice.
  clearAnnouncement();
  pending = setTimeout(() => say(text), 50);
}

/**
 * Empties the live region (and drops what was about to be said): what it says must not outlive its
 * moment, e.g. "Recording…" after the API refused, "Address saved" after signing out, or "Signed in"
 * after switching language. A refusal is read out by its error summary (role=alert) instead.
 */
export function clearAnnouncement(): void {
  clearTimeout(pending);
  pending = undefined;
  say("");
}

export function useAnnouncement(): string {
  const [text, setText] = useState(message);
  useEffect(() => {
    listeners.add(setText);
    return () => void listeners.delete(setText);
  }, []);
  return text;
}
