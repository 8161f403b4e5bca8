import { useEffect, useState } from "preact/hooks";

/**
 * Status changes for screen readers: one polite live region in the frame (ui/Frame.tsx) reads out
 * what `announce` is given ("Application submitted", "Document attached").
 */
let message = "";
const listeners = new Set<(text: string) => void>();

export function announce(text: string): void {
  // Cleared first, so the same words said twice are read twice.
  message = "";
  for (const listener of listeners) listener("");
  setTimeout(() => {
    message = text;
    for (const listener of listeners) listener(text);
  }, 50);
}

export function useAnnouncement(): string {
  const [text, setText] = useState(message);
  useEffect(() => {
    listeners.add(setText);
    return () => void listeners.delete(setText);
  }, []);
  return text;
}
