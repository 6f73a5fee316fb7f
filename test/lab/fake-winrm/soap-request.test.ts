import { describe, expect, test } from 'vitest';
import { durationMs, readWsmanRequest } from '../../../src/lab/fake-winrm/soap-request.js';
import { requestEnvelope } from './helpers/winrs-session.js';

describe('durationMs', () => {
  test.each([['PT60S', 60_000], ['PT60.000S', 60_000], ['PT0.5S', 500], ['PT1M30S', 90_000], ['P0DT0H0M20S', 20_000], ['P1DT1H', 90_000_000]])(
    '%s is %d ms', (text, ms) => expect(durationMs(text)).toBe(ms));

  test.each(['', 'P', 'PT', '60', '-PT5S', 'PTS'])('%j is not a duration', (text) => expect(durationMs(text)).toBeUndefined());
});

describe('readWsmanRequest', () => {
  test('reads the action, message id, timeout, envelope size, ShellId selector, options and body', () => {
    const xml = requestEnvelope('http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive',
      '<rsp:Receive><rsp:DesiredStream CommandId="C1">stdout stderr</rsp:DesiredStream></rsp:Receive>', { shellId: 'S1', timeout: 'PT5S' })
      .replace('</s:Header>', '<w:OptionSet><w:Option Name="WSMAN_CMDSHELL_OPTION_KEEPALIVE">True</w:Option></w:OptionSet></s:Header>');
    const r = readWsmanRequest(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      action: 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive', operationTimeoutMs: 5000, maxEnvelopeSize: 153600,
      resourceUri: 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd',
      selectors: { ShellId: 'S1' }, options: { WSMAN_CMDSHELL_OPTION_KEEPALIVE: 'True' },
    });
    expect(r.value.messageId).toMatch(/^uuid:/);
    expect(r.value.body?.name).toBe('Receive');
  });

  test('a SOAP 1.1 envelope or one without an Action is refused', () => {
    expect(readWsmanRequest('<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"/>')).toEqual({ ok: false, message: 'not a SOAP 1.2 envelope' });
    expect(readWsmanRequest('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header/></s:Envelope>')).toEqual({ ok: false, message: 'no wsa:Action' });
  });
});
