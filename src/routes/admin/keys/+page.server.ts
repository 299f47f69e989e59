/**
 * `/admin/keys` (issue 5 §4–5): ingest keys per source, personal API tokens, wall display
 * tokens. A new secret is shown once in the action's answer; only its hash is stored.
 */
import { container } from '$lib/server/runtime';
import { actorOf, guardPage } from '$lib/server/http/actor';
import { fieldsOf, formResult, idField } from '$lib/server/http/form-result';
import * as tokens from '$lib/server/services/access/tokens.service';
import { listUsers } from '$lib/server/services/access/users.service';
import { langOf } from '$lib/i18n/access';
import type { Actions, PageServerLoad } from './$types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const load: PageServerLoad = async (event) => {
	guardPage(event);
	const { url } = event;
	const c = await container();
	const [ingest, api, display, users] = await Promise.all([
		tokens.listIngestKeys(c),
		tokens.listApiTokens(c),
		tokens.listDisplayTokens(c),
		listUsers(c)
	]);
	return {
		lang: langOf(url),
		reference: c.reference,
		users: users.map((u) => u.email),
		ingest: ingest.map((k) => ({ ...k, createdAt: iso(k.createdAt), revokedAt: iso(k.revokedAt) })),
		api: api.map((t) => ({
			...t,
			createdAt: iso(t.createdAt),
			lastUsedAt: iso(t.lastUsedAt),
			revokedAt: iso(t.revokedAt)
		})),
		display: display.map((t) => ({
			id: t.id,
			name: t.name,
			layout: t.layout,
			province: t.province,
			issueType: t.issueType,
			tokenPrefix: t.tokenPrefix,
			createdAt: iso(t.createdAt),
			revokedAt: iso(t.revokedAt)
		}))
	};
};

export const actions: Actions = {
	ingest: async (event) => {
		guardPage(event);
		const { source = '' } = fieldsOf(await event.request.formData());
		return formResult(async () => ({
			secret: await tokens.createIngestKey(await container(), source.trim(), actorOf(event)),
			kind: 'ingest'
		}));
	},
	revokeIngest: async (event) => {
		guardPage(event);
		const form = await event.request.formData();
		return formResult(
			async () => (
				await tokens.revokeIngestKey(await container(), idField(form), actorOf(event)),
				{ revoked: true }
			)
		);
	},
	token: async (event) => {
		guardPage(event);
		const form = fieldsOf(await event.request.formData());
		return formResult(async () => ({
			secret: (await tokens.createApiToken(await container(), form, actorOf(event))).token,
			kind: 'api'
		}));
	},
	revokeToken: async (event) => {
		guardPage(event);
		const form = await event.request.formData();
		return formResult(
			async () => (
				await tokens.revokeApiToken(await container(), idField(form), actorOf(event)),
				{ revoked: true }
			)
		);
	},
	display: async (event) => {
		guardPage(event);
		const form = fieldsOf(await event.request.formData());
		return formResult(async () => {
			const { token } = await tokens.createDisplayToken(await container(), form, actorOf(event));
			return { secret: token, kind: 'display', url: `${event.url.origin}/wall?display=${token}` };
		});
	},
	revokeDisplay: async (event) => {
		guardPage(event);
		const form = await event.request.formData();
		return formResult(
			async () => (
				await tokens.revokeDisplayToken(await container(), idField(form), actorOf(event)),
				{ revoked: true }
			)
		);
	}
};
