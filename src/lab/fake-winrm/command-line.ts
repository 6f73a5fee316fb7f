import type { PwshLocation } from '../pwsh-location.js';

/**
 * Splits a Windows command line the way CommandLineToArgvW does: the program name ends at the first
 * space or its closing quote, with no escapes; after it, backslashes escape only a quote, and "" inside
 * quotes is a literal quote.
 */
export function splitWindowsCommandLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const s = line.replace(/^[ \t]+/, '');
  if (s.startsWith('"')) {
    const end = s.indexOf('"', 1);
    out.push(end < 0 ? s.slice(1) : s.slice(1, end));
    i = end < 0 ? s.length : end + 1;
  } else {
    const m = /^[^ \t]*/.exec(s)![0];
    out.push(m);
    i = m.length;
  }
  let arg: string | undefined;
  let quoted = false;
  while (i < s.length) {
    const c = s[i]!;
    if ((c === ' ' || c === '\t') && !quoted) {
      if (arg !== undefined) out.push(arg);
      arg = undefined;
      i++;
      continue;
    }
    arg ??= '';
    if (c === '\\') {
      let n = 0;
      while (s[i + n] === '\\') n++;
      if (s[i + n] === '"') {
        arg += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) arg += '"';
        else quoted = !quoted;
        i += n + 1;
      } else {
        arg += '\\'.repeat(n);
        i += n;
      }
      continue;
    }
    if (c === '"') {
      if (quoted && s[i + 1] === '"') {
        arg += '"';
        i += 2;
        continue;
      }
      quoted = !quoted;
      i++;
      continue;
    }
    arg += c;
    i++;
  }
  if (arg !== undefined) out.push(arg);
  return out.filter((a, k) => k > 0 || a !== '');
}

/** What a WinRS command line becomes on a lab host: the lab's pwsh for powershell.exe, nothing else. */
export type Program = { ok: true; file: string; args: string[] } | { ok: false; name: string };

const POWERSHELL = new Set(['powershell', 'powershell.exe']);

/**
 * Maps `powershell.exe` (by any path, any case) to pwsh.dll under dotnet: the lab has no Windows
 * PowerShell 5.1, and exec'ing the dll directly keeps one process per command.
 */
export function programFor(argv: string[], pwsh: PwshLocation): Program {
  const name = argv[0] ?? '';
  const base = name.split(/[\\/]/).pop()!.toLowerCase();
  if (!POWERSHELL.has(base)) return { ok: false, name };
  return { ok: true, file: pwsh.dotnet, args: [pwsh.dll, ...argv.slice(1)] };
}

/** What cmd.exe says on stderr (exit code 1) for a program it cannot find: WinRS runs commands through it. */
export function notRecognized(name: string): string {
  return `'${name}' is not recognized as an internal or external command,\r\noperable program or batch file.\r\n`;
}
