/**
 * Password hashing with argon2id (issue 5 §1) through @node-rs/argon2 (prebuilt native binding
 * from the npm registry, no install script), OWASP's minimum parameters (19 MiB, 2 passes,
 * 1 lane): memory-hard, tens of milliseconds here. Hashes are PHC strings, so stronger
 * parameters later still verify old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum the package declares ambiently). */
const ARGON2ID = 2;

const OPTIONS = {
	algorithm: ARGON2ID,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1
};

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * True when the password matches. Without a stored hash (unknown account) a dummy hash is
 * verified anyway, so the answer takes as long and does not tell which accounts exist.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	dummy ??= hashPassword('not-a-real-password-0');
	try {
		const ok = await verify(stored ?? (await dummy), password);
		return stored !== null && ok;
	} catch {
		return false;
	}
}
