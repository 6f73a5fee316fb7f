/**
 * Cuts a host's stdout, as it arrives in chunks, into lines, and stops at a cap on its bytes. A line still
 * open is kept as its chunks and joined once, when its end arrives: a host that sends one endless line
 * costs the controller at most the cap, never a copy of the line per chunk.
 */
export class CappedLines {
  private bytes = 0;
  private open: string[] = [];
  private over = false;

  constructor(
    private readonly cap: number,
    private readonly onLines: (lines: string[]) => void,
    /** Called once, when the bytes pass the cap; nothing more is read after it. */
    private readonly onCap: (message: string) => void,
  ) {}

  push(text: string): void {
    if (this.over) return;
    this.bytes += Buffer.byteLength(text, 'utf8');
    if (this.bytes > this.cap) {
      this.over = true;
      this.open = [];
      this.onCap(`output exceeded the cap of ${this.cap} bytes`);
      return;
    }
    const nl = text.lastIndexOf('\n');
    if (nl === -1) {
      this.open.push(text);
      return;
    }
    const lines = (this.open.join('') + text.slice(0, nl)).split('\n');
    this.open = nl + 1 < text.length ? [text.slice(nl + 1)] : [];
    this.onLines(lines);
  }

  /** The output ended: a last line without its line break still counts. */
  end(): void {
    if (this.over || this.open.length === 0) return;
    const last = this.open.join('');
    this.open = [];
    this.onLines([last]);
  }
}
