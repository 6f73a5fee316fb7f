// Inventories are shared, committed and mailed around, so they must never hold a secret.
// Anything that looks like one is refused before any other validation looks at it.

type Path = (string | number)[];

/** A place in a document that holds (or is named like) a secret. */
export interface SecretFinding {
  path: Path;
  kind: 'name' | 'value';
}

// Normalised (lower case, letters and digits only) name fragments that mean "this holds a secret".
const SECRET_NAME_PARTS = [
  'password', 'passwd', 'passphrase', 'pwd', 'secret', 'token', 'apikey', 'privatekey', 'credential',
  'accountkey', 'storagekey', 'sharedkey', 'accesskey', 'encryptionkey', 'connectionstring',
];

// Names that point at a secret instead of holding it: credentialEnv, vaultCredentialsPath, privateKeyFile.
const POINTER_SUFFIX = /(env|path|file)$/;

const KEY_MATERIAL = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/,
  /PuTTY-User-Key-File-\d/,
  /\b(AccountKey|SharedAccessKey)=/i,
];

/** True for names like `password`, `apiKey`, `vaultCredentials`; false for `credentialEnv`, `keyFile`. */
export function isSecretName(name: string): boolean {
  const normalised = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (POINTER_SUFFIX.test(normalised)) return false;
  return SECRET_NAME_PARTS.some((part) => normalised.includes(part));
}

/** True for text that holds private key material or a storage key (public keys are fine). */
export function isKeyMaterial(text: string): boolean {
  return KEY_MATERIAL.some((pattern) => pattern.test(text));
}

/** Every secret-like field name and key-material value in a parsed document, at any depth. */
export function findSecrets(value: unknown, path: Path = []): SecretFinding[] {
  if (typeof value === 'string') return isKeyMaterial(value) ? [{ path, kind: 'value' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findSecrets(item, [...path, index]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    isSecretName(key) ? [{ path: [...path, key], kind: 'name' as const }] : findSecrets(child, [...path, key]),
  );
}

/** The one-line reason a finding is refused. */
export function secretMessage(kind: SecretFinding['kind']): string {
  return kind === 'name'
    ? 'looks like a secret; inventories hold no secrets (a WinRM password comes from the environment variable named by credentialEnv)'
    : 'looks like private key material; inventories hold no secrets (give the key file\'s path in keyFile)';
}

/** True when `path` is at or inside a finding, so no second message repeats (or echoes) the secret. */
export function isUnderFinding(path: readonly PropertyKey[], findings: readonly SecretFinding[]): boolean {
  return findings.some((finding) => finding.path.every((segment, index) => path[index] === segment));
}

/** True when a finding is at or inside `path`, so that part of the document must not be used. */
export function hasFindingWithin(path: readonly PropertyKey[], findings: readonly SecretFinding[]): boolean {
  return findings.some((finding) => path.every((segment, index) => finding.path[index] === segment));
}
