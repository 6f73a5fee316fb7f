/**
 * Splits the user spellings Windows admins type. "DOMAIN\user" gives the domain and the user; a UPN "user@domain"
 * stays whole with an empty domain, as Windows itself sends it in NTLM (the domain controller resolves the UPN).
 */
export function splitUserName(name: string): { user: string; domain: string } {
  const slash = name.indexOf('\\');
  if (slash >= 0) return { domain: name.slice(0, slash), user: name.slice(slash + 1) };
  return { domain: '', user: name };
}
