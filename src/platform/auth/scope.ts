declare const scopeBrand: unique symbol;

/**
 * The signed-in user on whose behalf a service runs. Only authentication (session, API token, or a
 * CLI that resolved the user) produces one, so a service cannot be called for an unchecked user.
 */
export interface Scope {
  readonly userId: string;
  readonly [scopeBrand]: true;
}

/** Call only after the caller proved who the user is. */
export function authenticatedScope(userId: string): Scope {
  return { userId } as Scope;
}
