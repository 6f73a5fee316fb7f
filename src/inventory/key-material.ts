import { isKeyMaterial, secretMessage } from './secrets.js';

/**
 * For line-based files (CSV, text lists): the line where key material starts, as a problem, or undefined.
 * Checked on the whole text first so no later message can echo a line of a pasted key.
 */
export function keyMaterialProblem(text: string, file: string): string | undefined {
  if (!isKeyMaterial(text)) return undefined;
  const line = text.split('\n').findIndex((candidate) => isKeyMaterial(candidate)) + 1;
  return line > 0 ? `${file}: line ${line}: ${secretMessage('value')}` : `${file}: ${secretMessage('value')}`;
}
