/** Access control, pure (issue 5): principals, scopes, the one rule declaration, decisions. */
export * from './principal';
export * from './scope';
export * from './rules';
export * from './can';
export * from './session';
export * from './throttle';
export * from './audit-chain';
export * from './redact';
export * from './case-placement';
