/** The NTLM layer the WinRM transport and the fake WinRM server share. */
export { NtlmClient, type AuthenticateOptions, type NtlmClientOptions } from './client.js';
export { NtlmServer, type AcceptOptions, type NtlmAcceptResult, type NtlmServerOptions } from './server.js';
export { NtlmSession, type NtlmRole } from './session-security.js';
