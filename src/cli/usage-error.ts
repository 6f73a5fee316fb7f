/** Bad usage or bad input: the CLI prints the lines (no stack) and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const list = Array.isArray(lines) ? lines : [lines];
    super(list.join('\n'));
    this.lines = list;
  }
}
