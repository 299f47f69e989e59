/** `GET /cases/new/areas?province=61` (regencies) or `?regency=61.01` (villages with district). */
import { json } from '@sveltejs/kit';
import { container } from '$lib/server/runtime';
import { areaOptions } from '$lib/server/services/areas.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const answer = await areaOptions(await container(), url.searchParams);
	if (!answer.ok)
		return json({ error: { code: 'invalid_payload', message: answer.message } }, { status: 400 });
	const { ok: _ok, ...body } = answer;
	return json(body, { headers: { 'cache-control': 'max-age=3600' } });
};
