import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Stop } from '../../../src/runner/stop/stop.js';

describe('Stop', () => {
  it('the first reason wins and is recorded once; later reasons change nothing', () => {
    const stop = new Stop();
    expect(stop.end('connect-failed', 'connection refused')).toBe(true);
    expect(stop.end('deadline')).toBe(false);
    expect(stop.settle()).toEqual({ reason: 'connect-failed', detail: 'connection refused' });
  });

  it('settling with no reason records completed, and a deadline after that is ignored', async () => {
    const stop = new Stop({ deadlineMs: 20 });
    expect(stop.settle()).toEqual({ reason: 'completed' });
    await sleep(40);
    expect(stop.termination).toEqual({ reason: 'completed' });
    expect(stop.signal.aborted).toBe(false);
  });

  it('the deadline ends the work with its detail and aborts the signal', async () => {
    const stop = new Stop({ deadlineMs: 20, deadlineDetail: 'no result within 0 s' });
    await sleep(40);
    expect(stop.signal.aborted).toBe(true);
    expect(stop.settle()).toEqual({ reason: 'deadline', detail: 'no result within 0 s' });
  });

  it('an interrupt signal that was already aborted ends the work at once', () => {
    const run = new AbortController();
    run.abort();
    const stop = new Stop({ signal: run.signal, deadlineMs: 60_000 });
    expect(stop.termination).toEqual({ reason: 'interrupted' });
    stop.settle();
  });

  it('an interrupt during the work wins over a later deadline and removes its listener on settle', async () => {
    const run = new AbortController();
    const stop = new Stop({ signal: run.signal, deadlineMs: 50 });
    run.abort();
    await sleep(70);
    expect(stop.settle().reason).toBe('interrupted');
  });

  it('kills run when a reason wins, once, and at once for a kill added after the end', () => {
    const stop = new Stop();
    const calls: string[] = [];
    stop.onStop((t) => calls.push(`first:${t.reason}`));
    stop.end('output-cap');
    stop.end('deadline');
    stop.onStop((t) => calls.push(`late:${t.reason}`));
    expect(calls).toEqual(['first:output-cap', 'late:output-cap']);
    stop.settle();
  });

  it('a kill that throws does not keep the next kill from running', () => {
    const stop = new Stop();
    const calls: number[] = [];
    stop.onStop(() => {
      throw new Error('gone');
    });
    stop.onStop(() => calls.push(2));
    stop.end('interrupted');
    expect(calls).toEqual([2]);
    stop.settle();
  });

  it('the forceful kill runs only when the work has not settled within forceAfterMs of the end', async () => {
    const slow = new Stop({ forceAfterMs: 20 });
    const quick = new Stop({ forceAfterMs: 20 });
    let forcedSlow = 0;
    let forcedQuick = 0;
    slow.onForce(() => forcedSlow++);
    quick.onForce(() => forcedQuick++);
    slow.end('deadline');
    quick.end('deadline');
    quick.settle();
    await sleep(50);
    slow.settle();
    expect([forcedSlow, forcedQuick]).toEqual([1, 0]);
  });

  it('no kill runs for work that completed', () => {
    const stop = new Stop({ deadlineMs: 10_000 });
    let killed = false;
    stop.onStop(() => (killed = true));
    stop.settle();
    stop.end('deadline');
    expect(killed).toBe(false);
  });
});
