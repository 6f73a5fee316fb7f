import { describe, expect, it } from 'vitest';
import { frameLine, newMarker, outputLines, readFrame } from '../../src/runner/frames.js';

describe('frames', () => {
  const marker = newMarker();

  it('a frame written by frameLine reads back as its kind and value', () => {
    expect(readFrame(frameLine(marker, 'check', { id: 'x', n: 1 }), marker)).toEqual({ type: 'frame', kind: 'check', value: { id: 'x', n: 1 } });
  });

  it('a line with another marker is plain text, even when it is a well-formed frame', () => {
    const earlier = frameLine(newMarker(), 'report', { host: 'web01' });
    expect(readFrame(earlier, marker)).toEqual({ type: 'text', line: earlier });
  });

  it('the marker text without the run-specific part is text', () => {
    expect(readFrame('FSSTAGE connect-failed refused', marker).type).toBe('text');
    expect(readFrame(`${marker}x check e30=`, marker).type).toBe('text');
  });

  it('a frame of our marker whose data is not base64 JSON is a bad frame naming its kind', () => {
    expect(readFrame(`${marker} check !!!`, marker)).toEqual({ type: 'bad-frame', kind: 'check', problem: 'malformed check frame: not base64 JSON' });
    expect(readFrame(`${marker} report ${Buffer.from('{nope').toString('base64')}`, marker)).toMatchObject({ type: 'bad-frame', kind: 'report' });
  });

  it('markers are new every time', () => {
    expect(newMarker()).not.toBe(newMarker());
    expect(newMarker()).toMatch(/^\u001eFS-[0-9a-f]{16}$/);
  });

  it('output strings split into lines without their CR', () => {
    expect(outputLines(['a\r\nb', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
