/**
 * Reference data (benefit programs, offices): a few rows read by nearly every request and changed
 * only by a migration or a seed. Each process keeps one copy per database and reads it again when
 * it is older than `maxAgeMs`, so a change made anywhere reaches every replica within that time;
 * concurrent requests that find it stale share one read.
 */
export class ReferenceData<D extends object, T> {
  private readonly copies = new WeakMap<object, { value: Promise<T>; readAt: number; read?: { value: T } }>();

  constructor(
    private readonly read: (db: D) => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  get(db: D): Promise<T> {
    const copy = this.copies.get(db);
    if (copy && Date.now() - copy.readAt < this.maxAgeMs) return copy.value;
    const value = this.read(db);
    const fresh: { value: Promise<T>; readAt: number; read?: { value: T } } = { value, readAt: Date.now() };
    this.copies.set(db, fresh);
    value.then(
      (read) => (fresh.read = { value: read }),
      // A failed read is not kept: the next request tries again.
      () => {
        if (this.copies.get(db) === fresh) this.copies.delete(db);
      },
    );
    return value;
  }

  /**
   * The copy itself when it has been read and is not older than its age, without a promise: a
   * resolver called hundreds of times per request answers synchronously (each promise is a turn of
   * the microtask queue and makes graphql-js complete its object through another promise).
   */
  current(db: D): T | undefined {
    const copy = this.copies.get(db);
    return copy?.read && Date.now() - copy.readAt < this.maxAgeMs ? copy.read.value : undefined;
  }
}
