/** Failed sign-ins for throttling (domain/access/throttle.ts); rows older than the window go. */
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../db';
import { signInFailures } from '../db/schema';

export async function recordSignInFailure(
	db: Db,
	email: string,
	address: string,
	at: Date
): Promise<void> {
	await db.insert(signInFailures).values({ email, address, at });
}

/** Failure instants since `since` for the account and for the address. */
export async function signInFailuresSince(
	db: Db,
	email: string,
	address: string,
	since: Date
): Promise<{ account: number[]; address: number[] }> {
	const rows = await db
		.select()
		.from(signInFailures)
		.where(
			and(
				gt(signInFailures.at, since),
				or(eq(signInFailures.email, email), eq(signInFailures.address, address))
			)
		);
	return {
		account: rows.filter((r) => r.email === email).map((r) => r.at.getTime()),
		address: rows.filter((r) => r.address === address).map((r) => r.at.getTime())
	};
}

/** A successful sign-in clears the account's failures; old rows are pruned. */
export async function clearSignInFailures(db: Db, email: string, before: Date): Promise<void> {
	await db
		.delete(signInFailures)
		.where(or(eq(signInFailures.email, email), lt(signInFailures.at, before)));
}
