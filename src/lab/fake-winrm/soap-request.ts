import { NS } from './namespaces.js';
import { child, childrenNamed, parseXml, type Parsed, type XmlElement } from './xml-reader.js';

/** The parts of a WS-Management request the WinRS dispatcher acts on. */
export interface WsmanRequest {
  action: string;
  messageId: string;
  resourceUri: string;
  /** The request's wsman:OperationTimeout, when it has one. */
  operationTimeoutMs?: number;
  maxEnvelopeSize?: number;
  /** Selector values by name (WinRS: `ShellId`). */
  selectors: Record<string, string>;
  /** wsman:Option values by name, e.g. WINRS_SKIP_CMD_SHELL. */
  options: Record<string, string>;
  /** The first element of s:Body, if any. */
  body?: XmlElement;
}

const DURATION = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an xs:duration such as PT60S, PT60.000S or P0DT0H1M30S; undefined if it is not one. */
export function durationMs(text: string): number | undefined {
  const t = text.trim();
  const m = DURATION.exec(t);
  // "P" and "...T" match the pattern but are not durations; a negative one makes no timeout.
  if (!m || m[1] === '-' || t === 'P' || t.endsWith('T')) return undefined;
  const [, , d, h, min, s] = m;
  return Math.round(((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000);
}

/** `<w:Selector Name="ShellId">X</w:Selector>`-style children of `el`, by their Name attribute. */
function named(el: XmlElement | undefined, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of childrenNamed(el, NS.w, name)) if (c.attrs.Name !== undefined) out[c.attrs.Name] = c.text;
  return out;
}

/** Reads a SOAP 1.2 envelope into a WsmanRequest. */
export function readWsmanRequest(xml: string): Parsed<WsmanRequest> {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const env = parsed.value;
  if (env.ns !== NS.s || env.name !== 'Envelope') return { ok: false, message: 'not a SOAP 1.2 envelope' };
  const header = child(env, NS.s, 'Header');
  const action = child(header, NS.a, 'Action')?.text;
  if (!action) return { ok: false, message: 'no wsa:Action' };
  const timeout = child(header, NS.w, 'OperationTimeout')?.text;
  const size = Number(child(header, NS.w, 'MaxEnvelopeSize')?.text);
  const timeoutMs = timeout === undefined ? undefined : durationMs(timeout);
  const body = child(env, NS.s, 'Body')?.children[0];
  return {
    ok: true,
    value: {
      action,
      messageId: child(header, NS.a, 'MessageID')?.text ?? '',
      resourceUri: child(header, NS.w, 'ResourceURI')?.text ?? '',
      ...(timeoutMs !== undefined ? { operationTimeoutMs: timeoutMs } : {}),
      ...(Number.isInteger(size) && size > 0 ? { maxEnvelopeSize: size } : {}),
      selectors: named(child(header, NS.w, 'SelectorSet'), 'Selector'),
      options: named(child(header, NS.w, 'OptionSet'), 'Option'),
      ...(body ? { body } : {}),
    },
  };
}
