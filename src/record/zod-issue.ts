// A schema problem as one line a user can act on: where in the document, and what is wrong there.

/** The shape of a zod issue this needs; any validator's issue with a path and a message fits. */
export interface PathIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A path as it reads in the document: `['hosts', 3, 'status']` -> `hosts[3].status`; `[]` -> ''. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

/** One issue as `path: message`; `(root)` when it is about the whole value. */
export function issueLine(issue: PathIssue): string {
  return `${issuePath(issue.path) || '(root)'}: ${issue.message}`;
}

/** The first issue of a failed parse as `path: message` (the one a user fixes first). */
export function firstIssue(error: { readonly issues: readonly PathIssue[] }): string {
  const issue = error.issues[0];
  return issue ? issueLine(issue) : '(root): does not match the schema';
}
