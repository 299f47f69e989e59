import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** Provinces (with village counts), the issue-type taxonomy and the queues. */
export const GET: RequestHandler = async () => {
	const c = await container();
	return json({
		...c.reference,
		queues: c.queues.map((q) => ({ name: q.name, label: q.label, issueType: q.issueTypeCode }))
	});
};
