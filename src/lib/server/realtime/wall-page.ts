/**
 * The `/wall` page load: reference labels and a view computed now (SSR). Its seq is 0, so
 * the socket subscription that follows always answers with the room's own snapshot.
 */
import type { WallPageData } from '../../contracts/reference';
import type { WallScope } from '../../contracts/metrics';
import { container } from '../runtime';
import { wallViewInScope } from '../../domain/access/redact';

export async function wallPageData(scope: WallScope): Promise<WallPageData> {
	const c = await container();
	return {
		reference: c.reference,
		snapshot: {
			v: 1,
			room: 'ssr',
			seq: 0,
			asOf: new Date(c.clock.now()).toISOString(),
			// Only rows inside the wall's own scope (issue 5 isolation), like its socket room.
			view: wallViewInScope(c.live.wallView(scope))
		}
	};
}
