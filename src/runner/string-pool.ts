// The hosts of one fleet answer in mostly the same words: check ids, statuses, summaries and the evidence
// of a healthy host repeat from host to host, and each host's reply, parsed, holds its own copies. The run
// keeps every host's result to the end, so sharing equal strings is most of what a result costs it.

/** Strings the pool takes at most: past that it still shares what it holds, and adds nothing. */
const DEFAULT_LIMIT = 100_000;

export class StringPool {
  private readonly strings = new Map<string, string>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** How many distinct strings the pool holds. */
  get size(): number {
    return this.strings.size;
  }

  /** `value` itself, every string inside it (object values, array items) replaced by the pool's equal string. */
  share<T>(value: T): T {
    // A stack, not recursion: a host's facts may nest deeply.
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) node[i] = this.visit(node[i], stack);
      } else if (node !== null && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        for (const key of Object.keys(record)) record[key] = this.visit(record[key], stack);
      }
    }
    return value;
  }

  private visit(item: unknown, stack: unknown[]): unknown {
    if (typeof item === 'string') return this.intern(item);
    if (item !== null && typeof item === 'object') stack.push(item);
    return item;
  }

  private intern(text: string): string {
    const held = this.strings.get(text);
    if (held !== undefined) return held;
    if (this.strings.size < this.limit) this.strings.set(text, text);
    return text;
  }
}
