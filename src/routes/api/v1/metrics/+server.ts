import { json } from '@sveltejs/kit';
import type { MetricsResponse } from '$contracts/metrics';
import { parseMetricsQuery } from '$lib/server/services/metrics-query';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The spec's metrics for a range and filter (metrics.md), with the thresholds used. */
export const GET: RequestHandler = async ({ url }) => {
	const c = await container();
	const now = c.clock.now();
	const parsed = parseMetricsQuery(url.searchParams, now, c.config.maxRangeDays);
	if (!parsed.ok) return json({ error: { code: 'invalid_query', message: parsed.message } }, { status: 400 });
	const { from, to, ...filter } = parsed.query;
	const figures = await c.live.figures(parsed.query);
	const body: MetricsResponse = {
		asOf: new Date(now).toISOString(),
		from: new Date(from).toISOString(),
		to: new Date(to).toISOString(),
		filter,
		thresholds: {
			...c.config.thresholds,
			perQueue: Object.fromEntries(
				c.queues.map((q) => [
					q.name,
					{
						serviceLevelSeconds: q.serviceLevelSeconds,
						shortAbandonSeconds: q.shortAbandonSeconds,
						serviceLevelGoal: q.serviceLevelGoal
					}
				])
			)
		},
		...figures
	};
	return json(body);
};
