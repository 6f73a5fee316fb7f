import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Makes an ed25519 key pair without a passphrase at `file` (+ `.pub`), or keeps the one already there. */
export async function ensureKeyPair(file: string, comment: string): Promise<void> {
  if (existsSync(file) && existsSync(`${file}.pub`)) return;
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

/** `ssh-ed25519 AAAA...` of a `.pub` file, without its comment. */
export function publicKeyOf(file: string): string {
  const pub = file.endsWith('.pub') ? file : `${file}.pub`;
  return readFileSync(pub, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** One known_hosts line; OpenSSH writes `[addr]:port` for any port but 22. */
export function knownHostsLine(address: string, port: number, publicKey: string): string {
  const host = port === 22 ? address : `[${address}]:${port}`;
  return `${host} ${publicKey}`;
}
