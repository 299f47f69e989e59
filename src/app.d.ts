// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Principal } from '$lib/domain/access/principal';

declare global {
	namespace App {
		interface Error {
			message: string;
			errorId?: string;
		}
		interface Locals {
			/** Who is asking (issue 5): set by hooks.server.ts for every request; null = nobody. */
			principal: Principal | null;
			/** A wall display whose token is revoked or unknown (the wall shows that screen). */
			displayState?: 'revoked' | 'unknown';
		}
	}
}

export {};
