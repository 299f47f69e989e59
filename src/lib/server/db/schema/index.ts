/**
 * The one schema for PGlite and PostgreSQL, one file per area; migrations in drizzle/ are
 * generated from this index (`npm run db:generate -- --name <change>`).
 */
export * from './core';
export * from './cases';
export * from './rollups';
export * from './channels';
export * from './registry';
export * from './auth';
export * from './sources';
export * from './imports';
