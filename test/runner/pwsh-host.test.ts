import { execFile, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvocationError, PowerShell } from 'node-powershell';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { crashDetail, PwshHost, WorkerError, type PwshHostOptions } from '../../src/runner/pwsh-host.js';
import { alive, eventually } from '../helpers/lab-processes.js';
import { PWSH, REPO } from '../helpers/pwsh.js';

/*
 * Each defect of node-powershell 5.0.1 (named where src/runner/pwsh-host.ts works around it) gets a
 * pair: a test that shows the bad behaviour against the bare library (it would fail if the library were
 * fixed), and a test that PwshHost does the right thing. Demonstrations that crash Node run in child
 * processes (test/fixtures/pwsh-host/), so this process never sees an unhandled rejection.
 */

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'pwsh-host');
const MiB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// The bare library, as a user of node-powershell would start it.

const bareShells: PowerShell[] = [];

function barePowerShell(invocationTimeout: number): PowerShell {
  const saved = process.env.NODE_POWERSHELL; // it would override the executable
  delete process.env.NODE_POWERSHELL;
  try {
    const shell = new PowerShell({
      executable: PWSH,
      executableOptions: { '-NoProfile': true },
      invocationTimeout,
      spawnOptions: { env: { ...process.env, TERM: 'dumb' } },
    });
    // Killing pwsh in afterEach rejects the library's exit promise; observed here so the teardown cannot
    // become an unhandled rejection. The crash itself is shown in a child process (defect 3).
    (shell as unknown as { exitPromise: Promise<unknown> }).exitPromise.catch(() => undefined);
    bareShells.push(shell);
    return shell;
  } finally {
    if (saved !== undefined) process.env.NODE_POWERSHELL = saved;
  }
}

/** The pwsh pid of a bare shell (the child is private in the library's types). */
function barePid(shell: PowerShell): number {
  return (shell as unknown as { process: ChildProcess }).process.pid!;
}

/** Awaits a promise that must reject and returns what it rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, got a result');
}

// ---------------------------------------------------------------------------------------------------
// The wrapper, and what it started.

const hosts: PwshHost[] = [];
const pids = new Set<number>();

function newHost(options: PwshHostOptions = {}): PwshHost {
  const host = new PwshHost({ pwsh: PWSH, ...options });
  hosts.push(host);
  return host;
}

/** The node-powershell instance inside a host. Private on purpose; the tests reach in because the
 *  property under test (history, collectors, bytes on stdin) is internal state of the library. */
function libraryShell(host: PwshHost): PowerShell {
  const proc = (host as unknown as { proc?: { shell: PowerShell } }).proc;
  if (!proc) throw new Error('host has no worker');
  return proc.shell;
}

function workerPid(host: PwshHost): number {
  const pid = host.pid;
  if (pid === undefined) throw new Error('host has no worker');
  pids.add(pid);
  return pid;
}

/** Live (non-zombie) processes whose process group is `pgid`. */
function liveInGroup(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') out.push(Number(name));
    } catch {
      // gone while we looked
    }
  }
  return out;
}

function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function killHard(pid: number, group = false): void {
  try {
    process.kill(group ? -pid : pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

afterEach(async () => {
  for (const shell of bareShells.splice(0)) {
    const pid = barePid(shell);
    killHard(pid);
    await eventually(() => !alive(pid), 10_000);
  }
  for (const host of hosts.splice(0)) {
    if (host.pid !== undefined) pids.add(host.pid);
    await host.close();
  }
  for (const pid of pids) {
    killHard(pid, true);
    killHard(pid);
  }
  for (const pid of pids) await eventually(() => !alive(pid), 10_000);
  pids.clear();
});

// ---------------------------------------------------------------------------------------------------
// Child processes: a compiled copy of pwsh-host for the wrapper fixture (a child has no TS loader).

let build: string;

beforeAll(() => {
  build = mkdtempSync(path.join(tmpdir(), 'fleet-scan-pwsh-host-'));
  writeFileSync(path.join(build, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(path.join(REPO, 'node_modules'), path.join(build, 'node_modules'), 'dir');
  mkdirSync(path.join(build, 'src', 'runner'), { recursive: true });
  mkdirSync(path.join(build, 'src', 'checks'), { recursive: true });
  // PACKAGE_ROOT is two folders above its module, so the copy finds server.ps1 through this link.
  symlinkSync(path.join(REPO, 'src', 'runner', 'worker'), path.join(build, 'src', 'runner', 'worker'), 'dir');
  // pwsh-host and what it imports.
  for (const name of ['runner/pwsh-host', 'runner/pwsh-path', 'runner/frames', 'checks/package-root']) {
    const source = path.join(REPO, 'src', `${name}.ts`);
    const js = ts.transpileModule(readFileSync(source, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: source,
    }).outputText;
    writeFileSync(path.join(build, 'src', `${name}.js`), js);
  }
});

afterAll(() => {
  rmSync(build, { recursive: true, force: true });
});

interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[]): Promise<NodeRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: 120_000, killSignal: 'SIGKILL', env: { ...process.env, TERM: 'dumb' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      });
  });
}

/** Every "pid <n>" line a fixture printed, so its workers are killed even when it failed half-way. */
function reportedPids(stdout: string): number[] {
  return [...stdout.matchAll(/^pid (\d+)$/gm)].map((m) => Number(m[1]));
}

// ===================================================================================================

describe('defect 1: string pasting into -Command -', () => {
  it('the bare library runs $(...) inside a string pasted by its command template', async () => {
    const shell = barePowerShell(60_000);
    const command = PowerShell.command`Write-Output ${'web01$(Write-Output INJECTED-CODE-RAN)'}`;
    expect(command).toBe('Write-Output "web01$(Write-Output INJECTED-CODE-RAN)"');
    const result = await shell.invoke(command);
    expect(result.raw).toBe('web01INJECTED-CODE-RAN');
  });

  it('the bare library hangs on a pasted string holding both quote kinds until invocationTimeout ends the call', async () => {
    const shell = barePowerShell(12_000); // generous: the control call includes a cold pwsh start
    // Control: a string with only double quotes is wrapped in single quotes and works.
    const control = await shell.invoke(PowerShell.command`Write-Output ${'say "hi"'}`);
    expect(control.raw).toBe('say "hi"');
    const error = await rejection(shell.invoke(PowerShell.command`Write-Output ${`it's "quoted"`}`));
    expect(error).toBeInstanceOf(InvocationError);
    expect((error as Error).message).toBe(''); // the library's timeout: an empty message, nothing else
  });

  it('PwshHost passes a hostile parameter as data: the literal text comes back and the same worker answers next', async () => {
    const host = newHost();
    const name = "web01$(Write-Output INJECTED)' \" ; exit 3";
    const reply = await host.run('param($Name) "host=$Name"', { params: { Name: name } });
    expect(reply).toMatchObject({ ok: true, output: [`host=${name}`], errors: [] });
    const pid = workerPid(host);
    const next = await host.run('$PID');
    expect(next.output).toEqual([String(pid)]);
    expect(host.pid).toBe(pid);
    expect(host.spawns).toBe(1);
  });

  it('PwshHost: a compactAfter request (a fleet batch) answers as any other, then the worker runs a full collection', async () => {
    const host = newHost();
    // The index of the last full blocking (induced, compacting) collection: background ones do not count.
    const lastFull = async (): Promise<number> => Number((await host.run("[GC]::GetGCMemoryInfo('FullBlocking').Index")).output[0]);
    const before = await lastFull();
    const reply = await host.run('param($Payload) "bytes=$($Payload.Length)"', { params: { Payload: 'x'.repeat(1_000) }, compactAfter: true });
    expect(reply).toMatchObject({ ok: true, output: ['bytes=1000'], errors: [] });
    expect(await lastFull()).toBeGreaterThan(before);
    expect(host.spawns).toBe(1);
  });
});

describe('defect 2: a timeout that does not cancel', () => {
  it('the bare library rejects at invocationTimeout but leaves pwsh running, and the next call is lost behind it', async () => {
    const shell = barePowerShell(2_000);
    const pid = barePid(shell);
    const error = await rejection(shell.invoke('Start-Sleep 30'));
    expect(error).toBeInstanceOf(InvocationError);
    expect((error as Error).message).toBe('');
    expect(alive(pid)).toBe(true);
    // Queued behind the sleep that nobody stopped: this one times out too and its output is lost.
    const next = await rejection(shell.invoke('"next command"'));
    expect(next).toBeInstanceOf(InvocationError);
    expect(alive(pid)).toBe(true);
  });

  it('PwshHost.restart (what a stop stage forces) kills the whole process group and answers the next request from a fresh pwsh', async () => {
    const host = newHost();
    await host.run('"warm"');
    const pid = workerPid(host);
    const started = await host.run('(Start-Process -FilePath /bin/sleep -ArgumentList 300 -PassThru).Id');
    const child = Number(started.output[0]);
    pids.add(child);
    expect(alive(child)).toBe(true);
    expect(processGroup(child)).toBe(pid); // the shim made pwsh a group leader; its children share the group

    const hung = rejection(host.run("& /bin/sh -c 'sleep 300'"));
    await new Promise((r) => setTimeout(r, 1500));
    host.restart('a request ignored its stop');
    const error = await hung;
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).kind).toBe('worker-died');
    expect((error as WorkerError).message).toBe('a request ignored its stop');
    expect(await eventually(() => !alive(pid), 30_000)).toBe(true);
    expect(await eventually(() => !alive(child), 30_000)).toBe(true);
    expect(await eventually(() => liveInGroup(pid).length === 0, 30_000)).toBe(true);

    const next = await host.run('$PID');
    expect(next.ok).toBe(true);
    expect(Number(next.output[0])).toBe(workerPid(host));
    expect(host.pid).not.toBe(pid);
    expect(host.spawns).toBe(2);
  });
});

describe('defect 3: a crash while idle', () => {
  it('the bare library lets a pwsh killed before the first invoke crash Node with an unhandled ProcessError', async () => {
    const run = await runNode([path.join(FIXTURES, 'bare-crash-before-invoke.mjs'), PWSH]);
    for (const pid of reportedPids(run.stdout)) pids.add(pid);
    const [pid] = reportedPids(run.stdout);
    expect(pid).toBeGreaterThan(0);
    expect(run.stdout).not.toContain('survived');
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull(); // it died by itself, not by our 120 s kill
    expect(run.stderr).toContain(`ProcessError: Shell process ${pid} exited.`);
  });

  it('PwshHost turns a killed worker into an exit event and died errors, never an unhandled rejection', async () => {
    const run = await runNode([path.join(FIXTURES, 'wrapper-crash.mjs'), path.join(build, 'src', 'runner', 'pwsh-host.js'), PWSH]);
    for (const pid of reportedPids(run.stdout)) pids.add(pid);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('result '));
    expect(line).toBeDefined();
    const result = JSON.parse(line!.slice('result '.length));
    expect(result.unhandled).toEqual([]);
    // Killed while idle: an exit event, then the next run succeeds in a new pwsh.
    expect(result.firstPid).toBe(result.idlePid);
    expect(result.exits[0]).toBe('was killed by SIGKILL');
    expect(result.afterIdle.ok).toBe(true);
    expect(result.afterIdle.pid).not.toBe(result.idlePid);
    // Killed while a request ran, and before the worker was ready: the request fails with died.
    expect(result.runningPid).toBe(result.afterIdle.pid);
    expect(result.pendingError).toMatchObject({ name: 'WorkerError', kind: 'worker-died' });
    expect(result.earlyError).toMatchObject({ name: 'WorkerError', kind: 'worker-died' });
    expect(result.last[0]).toBe('after the crashes');
    expect(result.spawns).toBe(3);
  });
});

describe('defect 4: quadratic output collection and unbounded history', () => {
  it('the bare library keeps every call, with its output, in history', async () => {
    const shell = barePowerShell(60_000);
    for (let i = 0; i < 300; i++) await shell.invoke(`'${String(i).padStart(4, '0')}' + ('k' * 1020)`);
    expect(shell.history.length).toBe(300);
    const kept = shell.history.reduce((sum, record) => sum + (record.stdout?.length ?? 0), 0);
    expect(kept).toBeGreaterThanOrEqual(300 * 1024);
  });

  it("PwshHost leaves the library's history at the one bootstrap line after 300 runs", async () => {
    const host = newHost();
    for (let batch = 0; batch < 30; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) => host.run('param($N) "run $N"', { params: { N: batch * 10 + i } })),
      );
      expect(replies.map((r) => r.output[0])).toEqual(Array.from({ length: 10 }, (_, i) => `run ${batch * 10 + i}`));
    }
    workerPid(host);
    const history = libraryShell(host).history;
    expect(history.length).toBe(1);
    expect(history[0]!.command).toMatch(/^& \(\[scriptblock\]::Create\(/);
    expect(host.spawns).toBe(1);
  });

  it("PwshHost reads a 4 MiB output itself: it arrives whole and the library's collectors hold none of it", async () => {
    const host = newHost({ maxOutputBytes: 8 * MiB });
    const reply = await host.run("1..4096 | ForEach-Object { ('{0:d4}' -f $_) + ('x' * 1020) }");
    workerPid(host);
    expect(reply.ok).toBe(true);
    expect(reply.output.length).toBe(4096);
    expect(reply.output[4095]).toBe(`4096${'x'.repeat(1020)}`);
    const shell = libraryShell(host);
    const piped = (stream: unknown): number => (stream as { _readableState: { pipes: unknown[] } })._readableState.pipes.length;
    expect(piped(shell.streams.stdout)).toBe(0);
    expect(piped(shell.streams.stderr)).toBe(0);
    expect(shell.history[0]!.stdout).toBeUndefined();
  });

  it('PwshHost ends a request whose output passes maxOutputBytes with ok=false naming the cap, and the worker survives', async () => {
    const host = newHost({ maxOutputBytes: MiB });
    await host.run('"warm"');
    const pid = workerPid(host);
    const reply = await host.run("1..4096 | ForEach-Object { 'x' * 1024 }"); // 4 MiB
    expect(reply.ok).toBe(false);
    expect(reply.errors[0]).toContain(`cap of ${MiB} bytes`);
    expect(reply.output.join('').length).toBeLessThanOrEqual(MiB);
    const next = await host.run('$PID');
    expect(next.output).toEqual([String(pid)]);
    expect(host.spawns).toBe(1);
  });

  it('PwshHost lets one request given a larger cap write past the worker\'s, in one long line, and still caps the others', async () => {
    const host = newHost({ maxOutputBytes: MiB });
    await host.run('"warm"');
    const pid = workerPid(host);
    // One 3 MiB line: over the worker's cap and its reply-line limit (3 MiB of output is 4 MiB once framed).
    const big = await host.run("'z' * (3 * 1024 * 1024)", { maxOutputBytes: 8 * MiB });
    expect(big.ok, big.errors.join('; ')).toBe(true);
    expect(big.output[0]!.length).toBe(3 * MiB);
    const capped = await host.run("1..4096 | ForEach-Object { 'x' * 1024 }");
    expect(capped.ok).toBe(false);
    expect(capped.errors[0]).toContain(`cap of ${MiB} bytes`);
    expect(workerPid(host)).toBe(pid);
    expect(host.spawns).toBe(1);
  });

  it('PwshHost kills the worker with output-cap when one reply line passes maxReplyBytes, then starts afresh', async () => {
    const host = newHost({ maxReplyBytes: 64 * 1024 });
    await host.run('"warm"');
    const pid = workerPid(host);
    const error = await rejection(host.run("'y' * 200000"));
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).kind).toBe('output-cap');
    expect(await eventually(() => !alive(pid), 30_000)).toBe(true);
    const next = await host.run('$PID');
    expect(Number(next.output[0])).toBe(workerPid(host));
    expect(host.pid).not.toBe(pid);
    expect(host.spawns).toBe(2);
  });

  it('PwshHost enforces maxReplyBytes on a reply line that arrives whole in one chunk', async () => {
    const host = newHost({ maxReplyBytes: 300 });
    await host.run('"warm"');
    const pid = workerPid(host);
    // About 620 characters with the newline: under the server's 1024-character writer buffer, so pwsh
    // writes it in one write() and Node reads it as one chunk that already ends the line.
    const error = await rejection(host.run("'y' * 400"));
    expect((error as WorkerError).kind).toBe('output-cap');
    expect(await eventually(() => !alive(pid), 30_000)).toBe(true);
  });
});

describe('defect 5: multi-line commands', () => {
  it('the bare library hangs on a multi-line if/else until invocationTimeout ends the call', async () => {
    const shell = barePowerShell(12_000); // generous: the control call includes a cold pwsh start
    // Control: the same statement on one line works.
    const control = await shell.invoke('if ($true) { "a" } else { "b" }');
    expect(control.raw).toBe('a');
    const error = await rejection(shell.invoke('if ($true) {\n "a"\n} else {\n "b"\n}'));
    expect(error).toBeInstanceOf(InvocationError);
    expect((error as Error).message).toBe('');
  });

  it('PwshHost runs multi-line scripts: if/else, a here-string, try/catch over lines and a function definition', async () => {
    const host = newHost();
    const ifElse = await host.run('if ($true) {\n "a"\n} else {\n "b"\n}');
    expect(ifElse).toMatchObject({ ok: true, output: ['a'] });
    const hereString = await host.run("$text = @'\nfirst line\n\nthird \"line\" $(not run)\n'@\n$text");
    expect(hereString).toMatchObject({ ok: true, output: ['first line\n\nthird "line" $(not run)'] });
    const tryCatch = await host.run("try {\n  throw 'boom'\n}\ncatch {\n  \"caught $($_.Exception.Message)\"\n}\nfinally {\n  'finally'\n}");
    expect(tryCatch).toMatchObject({ ok: true, output: ['caught boom', 'finally'], errors: [] });
    const fn = await host.run('function Get-Double {\n  param([int]$Value)\n\n  $Value * 2\n}\nGet-Double -Value 21');
    expect(fn).toMatchObject({ ok: true, output: ['42'] });
  });
});

describe('the worker protocol survives what user scripts do', () => {
  it('[Console]::In.ReadLine() in a request gets end of input and the protocol keeps working', async () => {
    const host = newHost();
    const reply = await host.run('$line = [Console]::In.ReadLine(); "read null: $($null -eq $line)"');
    expect(reply).toMatchObject({ ok: true, output: ['read null: True'] });
    const pid = workerPid(host);
    const next = await host.run('"still here"; $PID');
    expect(next.output).toEqual(['still here', String(pid)]);
  });

  it('a stray [Console]::WriteLine lands in diagnostics, not in the output', async () => {
    const host = newHost();
    const reply = await host.run('[Console]::WriteLine("stray-console-line"); "real output"');
    workerPid(host);
    expect(reply).toMatchObject({ ok: true, output: ['real output'] });
    // stderr and stdout are separate pipes: the stray line may arrive just after the reply.
    expect(await eventually(() => host.diagnostics.includes('stray-console-line'), 10_000)).toBe(true);
  });

  it('Write-Error and Write-Warning come back in errors without failing the call', async () => {
    const host = newHost();
    const reply = await host.run('"data-1"; Write-Error "bad thing"; Write-Warning "careful"; "data-2"');
    workerPid(host);
    expect(reply.ok).toBe(true);
    expect(reply.output).toEqual(['data-1', 'data-2']);
    expect(reply.errors).toEqual(['bad thing', 'WARNING: careful']);
  });

  it('a worker that crashes names the runtime\'s reason in the died error, and the next request gets a fresh worker', async () => {
    const host = newHost();
    await host.run('1');
    const first = workerPid(host);
    // A script block as a thread start has no runspace on that thread: .NET aborts the whole process.
    const crash = host.run('[System.Threading.Thread]::new([System.Threading.ThreadStart]{ 1 }).Start(); Start-Sleep -Seconds 30');
    await expect(crash).rejects.toMatchObject({ kind: 'worker-died' });
    await expect(crash).rejects.toThrow(/was killed by SIGABRT: Unhandled exception\. System\.Management\.Automation\.PSInvalidOperationException: There is no Runspace available/);
    const next = await host.run('$PID');
    expect(next.output[0]).not.toBe(String(first));
  });

  it('crashDetail keeps the runtime\'s first line of a crash and nothing else', () => {
    expect(crashDetail('noise\nUnhandled exception. System.InvalidOperationException: bad\n   at X.Y()\n')).toBe(
      'Unhandled exception. System.InvalidOperationException: bad',
    );
    expect(crashDetail('Unhandled exception.\nSystem.OutOfMemoryException: gone\n')).toBe('Unhandled exception. System.OutOfMemoryException: gone');
    expect(crashDetail('just a warning\n')).toBeUndefined();
  });

  // The runtime reads both from its environment at start; the GC one is checked as the runtime took it.
  it.each([
    ['the GC set to conserve memory', 'DOTNET_GCConserveMemory', "[System.GC]::GetConfigurationVariables()['GCConserveMem']", '9', '3'],
    ['no tiered re-compiling', 'DOTNET_TieredCompilation', "[Environment]::GetEnvironmentVariable('DOTNET_TieredCompilation')", '0', '1'],
  ])('the worker runs with %s, unless the caller chose otherwise', async (_what, name, probe, ours, theirs) => {
    expect((await newHost().run(probe)).output).toEqual([ours]);
    expect((await newHost({ env: { ...process.env, [name]: theirs } }).run(probe)).output).toEqual([theirs]);
  });

  it('concurrent runs on one worker all complete, each with its own output', async () => {
    const host = newHost();
    const replies = await Promise.all(
      [1, 2, 3].map((n) => host.run('param($N) Start-Sleep -Milliseconds 500; "done $N"', { params: { N: n } })),
    );
    workerPid(host);
    expect(replies.map((r) => r.output)).toEqual([['done 1'], ['done 2'], ['done 3']]);
    expect(host.spawns).toBe(1);
  });

  it('a running request does not block the next one: the first waits for a file only the second writes', async () => {
    const host = newHost();
    const dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-pwsh-host-signal-'));
    try {
      const flag = path.join(dir, 'flag');
      const waiter = host.run('param($F) while (-not (Test-Path $F)) { Start-Sleep -Milliseconds 50 }; "saw the flag"', {
        params: { F: flag },
      });
      const writer = host.run("param($F) Set-Content -Path $F -Value x; 'wrote the flag'", { params: { F: flag } });
      workerPid(host);
      expect((await writer).output).toEqual(['wrote the flag']);
      expect((await waiter).output).toEqual(['saw the flag']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a blob crosses the pipe once, serves many requests, and is sent again to a restarted worker', async () => {
    const host = newHost();
    await host.run('"warm"');
    const firstPid = workerPid(host);
    // Count the bytes written to pwsh's stdin; the stream is the library's, so the test wraps it in place.
    const stdin = libraryShell(host).streams.stdin;
    let written = 0;
    const write = stdin.write.bind(stdin) as (chunk: string) => boolean;
    (stdin as unknown as { write: (chunk: string) => boolean }).write = (chunk: string) => {
      written += Buffer.byteLength(chunk);
      return write(chunk);
    };
    const blob = `start-${'b'.repeat(MiB - 10)}-end`;
    host.setBlob('bundle', blob);
    const script = 'param($Bundle) "$($Bundle.Length) $($Bundle.Substring(0, 6)) $($Bundle.Substring($Bundle.Length - 4))"';
    const expected = `${blob.length} start- -end`;
    for (let i = 0; i < 3; i++) {
      const reply = await host.run(script, { blobParams: { Bundle: 'bundle' } });
      expect(reply.output).toEqual([expected]);
    }
    // base64 of the JSON holding 1 MiB is ~1.33 MiB: once, not three times.
    expect(written).toBeGreaterThan(MiB);
    expect(written).toBeLessThan(2 * MiB);

    await host.close();
    const reply = await host.run(script, { blobParams: { Bundle: 'bundle' } });
    expect(reply.output).toEqual([expected]);
    expect(workerPid(host)).not.toBe(firstPid);
    expect(host.spawns).toBe(2);
  });
});
