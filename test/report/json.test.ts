import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunJsonStream, readRunJson, writeRunJson, writeRunJsonStream } from '../../src/report/json.js';
import { wholeRun } from '../../src/report/run-stream.js';
import { streamOnly } from '../helpers/stream-only.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-scan-json-'));

describe('writeRunJson and readRunJson', () => {
  it('round-trips a run record exactly', async () => {
    const record = syntheticRun({ hosts: 25, changes: true });
    const file = join(dir, 'round.json');
    await writeRunJson(record, file);
    const read = await readRunJson(file);
    expect(read).toEqual({ ok: true, record });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(record);
  });

  it('writes one host per line so large runs diff and stream well', async () => {
    const record = syntheticRun({ hosts: 5 });
    const file = join(dir, 'lines.json');
    await writeRunJson(record, file);
    const hostLines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('    {"name":'));
    expect(hostLines).toHaveLength(5);
  });

  it('writes an empty hosts array as valid JSON', async () => {
    const file = join(dir, 'empty.json');
    await writeRunJson({ ...syntheticRun({ hosts: 0 }), waivers: [] }, file);
    expect((await readRunJson(file)).ok).toBe(true);
  });

  it('refuses to write an invalid record and names the bad field', async () => {
    const record = syntheticRun({ hosts: 2 });
    (record.hosts[1] as { status: string }).status = 'sleeping';
    const file = join(dir, 'bad.json');
    await expect(writeRunJson(record, file)).rejects.toThrow(/^run record not written to .*bad\.json: hosts\[1\]\.status: /);
    expect(readdirSync(dir)).not.toContain('bad.json');
  });

  it('reports a missing file in one line naming it', async () => {
    const file = join(dir, 'missing.json');
    expect(await readRunJson(file)).toEqual({ ok: false, message: `${file}: cannot read: no such file` });
  });

  it('reports a file that is not JSON in one line naming it', async () => {
    const file = join(dir, 'garbage.json');
    writeFileSync(file, '{"schema": ');
    const read = await readRunJson(file);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON \\(.+\\)$`));
    expect(!read.ok && read.message).not.toContain('\n');
  });

  it('reports the first bad field of a record that breaks the schema', async () => {
    const record = syntheticRun({ hosts: 3 });
    const file = join(dir, 'schema.json');
    writeFileSync(file, JSON.stringify({ ...record, hosts: [record.hosts[0], { ...record.hosts[1], checks: [{ id: 'x', status: 'pass' }] }] }));
    const read = await readRunJson(file);
    expect(!read.ok && read.message).toMatch(/schema\.json: not a fleet-scan run record: hosts\[1\]\.checks\[0\]\.summary: /);
  });
});

describe('writeRunJsonStream and openRunJsonStream', () => {
  it('writes from a stream exactly the file writeRunJson writes from the record', async () => {
    const record = syntheticRun({ hosts: 30, changes: true });
    await writeRunJson(record, join(dir, 'whole.json'));
    await writeRunJsonStream(streamOnly(record), join(dir, 'streamed.json'));
    expect(readFileSync(join(dir, 'streamed.json'), 'utf8')).toBe(readFileSync(join(dir, 'whole.json'), 'utf8'));
  });

  it('refuses a streamed host that is not a host result, naming it, and leaves no file', async () => {
    const record = syntheticRun({ hosts: 3 });
    (record.hosts[1] as { status: string }).status = 'fine';
    const file = join(dir, 'bad-stream.json');
    await expect(writeRunJsonStream(streamOnly(record), file)).rejects.toThrow(/^run record not written to .*bad-stream\.json: hosts\.1\.status: /);
    expect(readdirSync(dir).filter((f) => f.includes('bad-stream'))).toEqual([]);
  });

  it('opens a written record as a stream that reads the same hosts back, again and again', async () => {
    const record = syntheticRun({ hosts: 25, changes: true });
    const file = join(dir, 'open.json');
    await writeRunJson(record, file);
    const opened = await openRunJsonStream(file);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.stream.record).toBeUndefined();
    expect(await wholeRun(opened.stream)).toEqual(record);
    expect(await wholeRun(opened.stream)).toEqual(record);
  });

  it('reads a record in any other layout whole, and names a bad host of a streamed one in one line', async () => {
    const record = syntheticRun({ hosts: 4 });
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(record, null, 2));
    const opened = await openRunJsonStream(pretty);
    expect(opened.ok && opened.stream.record).toEqual(record);

    const file = join(dir, 'bad-host.json');
    await writeRunJson(record, file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"ok"', '"status":"fine"'));
    const bad = await openRunJsonStream(file);
    if (!bad.ok) throw new Error(bad.message);
    await expect(wholeRun(bad.stream)).rejects.toThrow(/^.*bad-host\.json: not a fleet-scan run record: hosts\.\d+\.status: [^\n]+$/);
  });
});
