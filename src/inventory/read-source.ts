import type { Defaults } from './schema.js';
import type { NamedEntry } from './duplicates.js';
import type { HostSource } from './resolve.js';

/** What a reader got out of one file: the valid host entries and one line per problem. */
export interface ReadResult {
  name?: string;
  /** Undefined when `defaults` itself is broken (its problems are listed). */
  defaults?: Defaults;
  defaultsBaseDir: string;
  hosts: HostSource[];
  /** Every entry with a valid name, valid or not otherwise: duplicates are found among all of them. */
  named: NamedEntry[];
  problems: string[];
}

/** What a CSV or text list reader got: hosts only, defaults come from --defaults. */
export type ListResult = Pick<ReadResult, 'hosts' | 'named' | 'problems'>;
