/** What a `store` setting names: a PostgreSQL URL or a file path (pure rules, shared by config and store). */

export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** Why `location` cannot name a store, or undefined when it can: a URL of another scheme is a mistake, not a file name. */
export function storeLocationProblem(location: string): string | undefined {
  if (isPostgresUrl(location)) {
    try {
      new URL(location);
      return undefined;
    } catch {
      return 'not a valid postgres:// URL';
    }
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(location)?.[1];
  return scheme === undefined ? undefined : `a ${scheme}:// URL is not a store; give a file path or a postgres:// URL`;
}
