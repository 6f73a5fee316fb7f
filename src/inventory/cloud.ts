import { CLOUDS, type Cloud } from '../record/check-metadata.js';

// Spellings accepted for `cloud`: the short names, the Azure environment names and the code names
// Microsoft's own self-help metadata uses (MoonCake, fairfax). Matched case-insensitively.
const ALIASES: Record<string, Cloud> = {
  public: 'public', azurecloud: 'public',
  china: 'china', azurechinacloud: 'china', mooncake: 'china',
  usgov: 'usgov', azureusgovernment: 'usgov', fairfax: 'usgov',
};

/** The spellings shown to editors (JSON Schema enum), in their usual case. */
export const CLOUD_SPELLINGS = [
  ...CLOUDS, 'AzureCloud', 'AzureChinaCloud', 'AzureUSGovernment', 'mooncake', 'fairfax',
] as const;

/** The accepted spelling in its usual case, or the input unchanged when it is not a cloud name. */
export function canonicalCloudSpelling(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return CLOUD_SPELLINGS.find((spelling) => spelling.toLowerCase() === value.toLowerCase()) ?? value;
}

/** `AzureChinaCloud` -> `china`; undefined for anything that is not a cloud name. */
export function normaliseCloud(value: string): Cloud | undefined {
  return ALIASES[value.toLowerCase()];
}

/** The cloud a vault region belongs to, from Azure's region names: china... is china, usgov... or usdod... is usgov. */
export function inferCloudFromRegion(region: string): Cloud {
  const name = region.toLowerCase();
  if (name.startsWith('china')) return 'china';
  if (name.startsWith('usgov') || name.startsWith('usdod')) return 'usgov';
  return 'public';
}
