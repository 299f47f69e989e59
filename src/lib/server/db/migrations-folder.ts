/**
 * drizzle/ ships beside the app (STACK.md). Look for it from the working directory and
 * from this module upwards, so the dev server, the built server, the CLI and tests all find it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findUp(start: string): string | null {
	for (let dir = start; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'drizzle');
		if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
		if (path.dirname(dir) === dir) return null;
	}
}

export function migrationsFolder(): string {
	const found =
		(process.env.SIGAP_MIGRATIONS_DIR && path.resolve(process.env.SIGAP_MIGRATIONS_DIR)) ||
		findUp(process.cwd()) ||
		findUp(path.dirname(fileURLToPath(import.meta.url)));
	if (!found) throw new Error('drizzle/ migrations folder not found (set SIGAP_MIGRATIONS_DIR)');
	return found;
}
