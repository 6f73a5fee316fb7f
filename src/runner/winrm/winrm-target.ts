/** One WinRM endpoint and how to reach it; the password lives only here, in the auth header and the NTLM client. */
export interface WinrmTarget {
  /** Host name or IP address (IPv6 without brackets). */
  address: string;
  /** 5985 for HTTP, 5986 for HTTPS by Windows' defaults. */
  port: number;
  /** HTTPS verifies the certificate; HTTP requires NTLM so every body is sealed. */
  https: boolean;
  /**
   * NTLMv2 (sent as `Negotiate`, as Windows accepts), Basic (HTTPS only, local accounts only) or Kerberos
   * (HTTPS only, with the controller's ticket: `user` and `password` are not used).
   */
  auth: 'ntlm' | 'basic' | 'kerberos';
  /** `user`, `DOMAIN\user` or `user@domain.example`. */
  user: string;
  password: string;
  /** Kerberos: the host in the service principal `HTTP/<spnHost>` when it is not `address` (an IP, an alias). */
  spnHost?: string;
  /**
   * caFile: trust only this PEM bundle; certThumbprint: pin the leaf (SHA-1 as Windows shows it, or SHA-256);
   * insecure: skip every check (the caller records that it was used).
   */
  tls?: { caFile?: string; certThumbprint?: string; insecure?: boolean };
  /** Bounds the TCP connect, the TLS handshake and the first answer each. */
  connectTimeoutMs: number;
}

/** `host:port`, with brackets around an IPv6 address, as URLs and the Host header want it. */
export function hostPort(target: Pick<WinrmTarget, 'address' | 'port'>): string {
  const host = target.address.includes(':') ? `[${target.address}]` : target.address;
  return `${host}:${target.port}`;
}

/** The listener's URL, which is also the WS-Addressing `To` of every envelope. */
export function endpointUrl(target: Pick<WinrmTarget, 'address' | 'port' | 'https'>): string {
  return `${target.https ? 'https' : 'http'}://${hostPort(target)}/wsman`;
}
