import { createInterface } from 'node:readline';

/** Reads a secret from the terminal without echoing it; the question and the closing newline go to `output`. */
export function promptSecret(
  question: string,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input, output, terminal: true });
    const echo = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    echo._writeToOutput = (s: string) => {
      // Show the question once, then nothing of what is typed.
      if (!asked) {
        output.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
  });
}
