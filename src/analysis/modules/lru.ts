/**
 * A bounded map that evicts the least recently used entry: the shape of every per-process cache of the module graph
 * (an ESLint process, or an editor session that lints for hours, must not grow without end).
 */
export class LruMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly bound: number) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.bound) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
