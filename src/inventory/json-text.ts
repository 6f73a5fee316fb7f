// A small strict JSON reader that says *where* a file is broken (Node 20's JSON.parse gives no position)
// and refuses duplicate keys, which JSON.parse would silently resolve to the last one.

export type JsonResult =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; message: string };

class JsonSyntaxError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** Parse JSON text (a leading UTF-8 BOM is allowed); on error, the 1-based line and column and a short reason. */
export function parseJsonText(text: string): JsonResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const reader = new Reader(source);
  try {
    const value = reader.document();
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const before = source.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { ok: false, line, column, message: error.message };
  }
}

class Reader {
  private at = 0;

  constructor(private readonly text: string) {}

  document(): unknown {
    this.skipWhitespace();
    const value = this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail(`expected the end of the file, got ${this.describeHere()}`);
    return value;
  }

  private value(): unknown {
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    return this.fail(`expected a value, got ${this.describeHere()}`);
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"') {
        if (this.text[this.at] === '}') this.fail('trailing comma before "}"');
        this.fail(`expected a property name in double quotes, got ${this.describeHere()}`);
      }
      const keyOffset = this.at;
      const key = this.string();
      if (Object.hasOwn(result, key)) {
        this.at = keyOffset;
        this.fail(`duplicate key ${JSON.stringify(key)}`);
      }
      this.skipWhitespace();
      if (this.text[this.at] !== ':') this.fail(`expected ":" after ${JSON.stringify(key)}, got ${this.describeHere()}`);
      this.at++;
      this.skipWhitespace();
      // defineProperty, not assignment: a key named "__proto__" must stay a plain (unknown) field.
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      const next = this.text[this.at];
      this.at++;
      if (next === '}') return result;
      if (next !== ',') {
        this.at--;
        this.fail(`expected "," or "}", got ${this.describeHere()}`);
      }
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipWhitespace();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] === ']') this.fail('trailing comma before "]"');
      result.push(this.value());
      this.skipWhitespace();
      const next = this.text[this.at];
      this.at++;
      if (next === ']') return result;
      if (next !== ',') {
        this.at--;
        this.fail(`expected "," or "]", got ${this.describeHere()}`);
      }
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) {
        this.at = start;
        this.fail('unterminated string');
      }
      if (char === '"') break;
      if (char === '\\') {
        const escape = this.text[this.at + 1] ?? '';
        if (escape === 'u' ? !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)) : !'"\\/bfnrt'.includes(escape) || escape === '') {
          this.fail('invalid escape in string (write a Windows path with doubled backslashes: "C:\\\\Keys")');
        }
        this.at += escape === 'u' ? 6 : 2;
        continue;
      }
      if (char < ' ') this.fail('line break or control character inside a string');
      this.at++;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
    if (this.text.startsWith('//', this.at) || this.text.startsWith('/*', this.at)) {
      this.fail('comments are not allowed in JSON');
    }
  }

  private describeHere(): string {
    const char = this.text[this.at];
    if (char === undefined) return 'the end of the file';
    if (char === '"') return `the string ${/^"[^"\n]{0,30}"?/.exec(this.text.slice(this.at))?.[0] ?? '"'}`;
    const word = /^[^\s,:{}[\]"]+/.exec(this.text.slice(this.at, this.at + 20));
    return JSON.stringify(word ? word[0] : char);
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(this.at, message);
  }
}
