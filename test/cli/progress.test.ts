import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, progressMode } from '../../src/cli/progress.js';
import { host, outcome } from '../history/helpers/records.js';

function stream(): { stream: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough();
  let text = '';
  pass.on('data', (d: Buffer) => (text += d.toString()));
  return { stream: pass as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progressMode', () => {
  it('is nothing with --quiet, a bar on a terminal and plain lines without one', () => {
    expect(progressMode(true, { isTTY: true })).toBe('quiet');
    expect(progressMode(false, { isTTY: true })).toBe('bar');
    expect(progressMode(false, {})).toBe('lines');
  });
});

describe('createProgress', () => {
  it('writes one plain line per finished host, counting up to the total', async () => {
    const out = stream();
    const progress = createProgress(12, 'lines', out.stream);
    progress.hostDone(host('fs01', [outcome('mars-a', 'fail'), outcome('mars-b', 'warn')], { durationMs: 2_500 }));
    progress.hostDone(host('fs02', [], { status: 'unreachable', reason: 'connection refused', durationMs: undefined }));
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe('[ 1/12] fs01 ok: 1 failed, 1 warned (2.5 s)\n[ 2/12] fs02 unreachable: connection refused\n');
  });

  it('writes nothing when quiet', async () => {
    const out = stream();
    const progress = createProgress(1, 'quiet', out.stream);
    progress.hostDone(host('fs01', []));
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe('');
  });
});
