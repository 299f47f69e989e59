import { json } from '@sveltejs/kit';
import { metricsAnswer } from '$lib/server/services/metrics-query';
import { container } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** The spec's metrics for a range and filter (metrics.md), with the thresholds used. */
export const GET: RequestHandler = async ({ url }) => {
	const answer = await metricsAnswer(await container(), url.searchParams);
	return json(answer.body, { status: answer.status });
};
