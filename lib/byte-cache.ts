/**
 * A least-recently-used map bounded by the bytes its values hold, not by their number: kept
 * answers range from a few hundred bytes to half a megabyte. The least recently used go first,
 * and a value above a quarter of the budget is not kept at all (one huge answer would otherwise
 * push out everything else).
 */
export class ByteBoundedCache<V> {
  private readonly slots = new Map<string, V>();
  private used = 0;

  constructor(
    readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The value kept under the key, taken out (keep() puts it back as the most recent). */
  take(key: string): V | undefined {
    const value = this.slots.get(key);
    if (value !== undefined) {
      this.slots.delete(key);
      this.used -= this.sizeOf(value);
    }
    return value;
  }

  keep(key: string, value: V): void {
    this.take(key);
    const size = this.sizeOf(value);
    if (size > this.budget / 4) return;
    this.slots.set(key, value);
    this.used += size;
    for (const [oldest, kept] of this.slots) {
      if (this.used <= this.budget) break;
      this.slots.delete(oldest);
      this.used -= this.sizeOf(kept);
    }
  }

  get bytes(): number {
    return this.used;
  }
}
