/**
 * Query texts already found within the document limits. Clients and the gateway send the same few
 * texts again and again; parsing and counting each one on every request was ~5% of a subgraph's
 * CPU (docs/benchmarks.md). Bounded in entries and in characters, the oldest forgotten first, so
 * a stream of distinct texts only costs what the screen cost before.
 */
export class AcceptedDocuments {
  private readonly texts = new Set<string>();
  private characters = 0;

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxCharacters = 4 * 1024 * 1024,
  ) {}

  has(text: string): boolean {
    return this.texts.has(text);
  }

  add(text: string): void {
    if (this.texts.has(text) || text.length > this.maxCharacters) return;
    this.texts.add(text);
    this.characters += text.length;
    for (const oldest of this.texts) {
      if (this.texts.size <= this.maxEntries && this.characters <= this.maxCharacters) break;
      this.texts.delete(oldest);
      this.characters -= oldest.length;
    }
  }
}

const byLimits = new WeakMap<object, AcceptedDocuments>();

/** The accepted texts of one set of limits (a text within one process's limits says nothing of another's). */
export function acceptedUnder(limits: object): AcceptedDocuments {
  let accepted = byLimits.get(limits);
  if (!accepted) byLimits.set(limits, (accepted = new AcceptedDocuments()));
  return accepted;
}
