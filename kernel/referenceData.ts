/**
 * Reference data (benefit programs, offices): a few rows read by nearly every request and changed
 * only by a migration or a seed. Each process keeps one copy per database and reads it again when
 * it is older than `maxAgeMs`, so a change made anywhere reaches every replica within that time;
 * concurrent requests that find it stale share one read.
 */
export class ReferenceData<D extends object, T> {
  private readonly copies = new WeakMap<object, { value: Promise<T>; readAt: number }>();

  constructor(
    private readonly read: (db: D) => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  get(db: D): Promise<T> {
    const copy = this.copies.get(db);
    if (copy && Date.now() - copy.readAt < this.maxAgeMs) return copy.value;
    const value = this.read(db);
    this.copies.set(db, { value, readAt: Date.now() });
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (this.copies.get(db)?.value === value) this.copies.delete(db);
    });
    return value;
  }
}
