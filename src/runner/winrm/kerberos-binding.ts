/**
 * The `kerberos` npm package (MongoDB's native binding over MIT GSSAPI), loaded only when a host uses
 * Kerberos: it is an optional dependency that builds against libkrb5-dev, so a controller without it
 * still runs NTLM and Basic. Typed here with just what fleet-scan uses, so the build does not need it.
 */

export interface GssClient {
  /** One initiator step: '' for the first token, then the acceptor's token; base64 in and out. */
  step(challenge: string): Promise<string | null>;
  contextComplete: boolean;
}

export interface GssServer {
  /** One acceptor step with the initiator's base64 token; the answer token is in `response`. */
  step(challenge: string): Promise<string | null>;
  response: string | null;
  /** The authenticated client principal, `user@REALM`. */
  username: string;
  contextComplete: boolean;
}

export interface KerberosBinding {
  initializeClient(service: string, options: { mechOID?: number; gssFlag?: number }): Promise<GssClient>;
  initializeServer(service: string): Promise<GssServer>;
  GSS_MECH_OID_SPNEGO: number;
  GSS_MECH_OID_KRB5: number;
  GSS_C_MUTUAL_FLAG: number;
  GSS_C_SEQUENCE_FLAG: number;
}

export type BindingResult = { ok: true; binding: KerberosBinding } | { ok: false; message: string };

// A variable, so TypeScript does not resolve the optional package at build time.
const MODULE = 'kerberos';
let loading: Promise<BindingResult> | undefined;

/** The binding, or why it cannot be had (not installed, or built without libkrb5), in one line. */
export function loadKerberos(): Promise<BindingResult> {
  loading ??= import(MODULE).then(
    (m: { default?: KerberosBinding } & KerberosBinding) => ({ ok: true as const, binding: m.default ?? m }),
    (e: Error) => ({
      ok: false as const,
      message: `Kerberos needs the optional npm package kerberos, which is not installed or did not build here (it needs libkrb5-dev; scripts/setup.sh installs both): ${String(e.message).split('\n')[0]}`,
    }),
  );
  return loading;
}

/** `HTTP/host` as Windows registers it becomes GSSAPI's host-based service name `HTTP@host`. */
export function gssServiceName(spn: string): string {
  return spn.replace(/@[^@]*$/, '').replace('/', '@');
}

/** MIT's "Major: Minor" text without its boilerplate: the minor status says what happened. */
export function gssMessage(message: string): string {
  const text = String(message).split('\n')[0]!.trim();
  const minor = text.replace(/^Unspecified GSS failure\.\s+Minor code may provide more information:\s*/, '');
  return minor || text || 'no message';
}
