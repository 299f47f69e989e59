import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { sourcesAnswer } from '$lib/server/services/sources/sources-routes';
import type { RequestHandler } from './$types';

/** Health of every source (issue 4 §6): connection, last event, rates, silence. */
export const GET: RequestHandler = async () => json(await sourcesAnswer(await container()));
