/**
 * Demo accounts, one per role (issue 5 §1), with one fixed, printed password — DEMO ONLY:
 * `npm run demo` creates them on its embedded database; a real deployment makes its first
 * administrator with `npx sigap user create --role admin` and never has these.
 */
import type { Actor } from '../../lib/server/services/access/audit.service';
import type { AccessDeps } from '../../lib/server/services/access/deps';

export const DEMO_PASSWORD = 'sigap-demo-2026';

export const DEMO_ACCOUNTS = [
	{ email: 'admin@sigap.demo', role: 'admin', name: 'Admin Demo' },
	{ email: 'pimpinan@sigap.demo', role: 'leadership', name: 'Pimpinan Demo' },
	{ email: 'supervisor@sigap.demo', role: 'supervisor', name: 'Supervisor Nasional' },
	{
		email: 'kalbar@sigap.demo',
		role: 'team_lead',
		name: 'Ketua Tim Kalbar',
		provinces: '61',
		// The lead agent of the demo's Kalimantan Barat team: its breach notifications are theirs.
		agentId: '1003'
	},
	{
		email: 'petugas@sigap.demo',
		role: 'agent',
		name: 'Budi Santoso',
		provinces: '61',
		agentId: '1002'
	}
] as const;

/** The demo's province-61 team: Kalimantan Barat's demo cases land in it, and its breach
 * notifications go to its lead agent, the one the Kalbar team lead account works as. */
export const DEMO_KALBAR_TEAM = {
	id: 'kalbar',
	name: 'Tim Kalimantan Barat',
	province: '61',
	leadAgentId: '1003'
} as const;

/** The demo agents of Kalimantan Barat: the team lead's own agent and the demo agent. */
const KALBAR_AGENTS = [
	{ id: '1003', name: 'Dewi Lestari' },
	{ id: '1002', name: 'Budi Santoso' }
] as const;

/**
 * Creates (or, on a restart, updates: `PUT /:id`, as `POST` only creates) the Kalimantan Barat
 * team as the demo admin, with its two demo agents as members, so a case reassigned to one of
 * them stays in the team.
 */
export async function seedDemoTeam(url: string, headers: Record<string, string>): Promise<void> {
	const { id, name, leadAgentId, province } = DEMO_KALBAR_TEAM;
	const put = async (path: string, body: object) => {
		const response = await fetch(`${url}${path}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify({ actor: 'demo', ...body })
		});
		if (!response.ok) throw new Error(`demo ${path}: ${response.status}`);
	};
	await put(`/api/v1/teams/${id}`, { name, leadAgentId });
	for (const agent of KALBAR_AGENTS) {
		await put(`/api/v1/agents/${agent.id}`, {
			name: agent.name,
			teamIds: [id, 'nasional'],
			provinces: [province]
		});
	}
}

/** Creates the accounts that do not exist yet; returns the lines to print. */
export async function seedDemoAccounts(deps: AccessDeps, actor: Actor): Promise<string[]> {
	const { createUser, listUsers } = await import('../../lib/server/services/access/users.service');
	const existing = new Set((await listUsers(deps)).map((u) => u.email));
	for (const account of DEMO_ACCOUNTS) {
		if (!existing.has(account.email))
			await createUser(deps, { ...account, password: DEMO_PASSWORD }, actor);
	}
	return [
		`sigap demo: DEMO-ONLY accounts, password "${DEMO_PASSWORD}":`,
		...DEMO_ACCOUNTS.map(
			(a) =>
				`  ${a.email.padEnd(24)} ${a.role}${'provinces' in a ? ` (province ${a.provinces})` : ''}`
		)
	];
}

/** A display token for the Kalimantan Barat wall; returns the URL to open once on a TV. */
export async function demoDisplayUrl(
	deps: AccessDeps,
	actor: Actor,
	base: string
): Promise<string> {
	const { createDisplayToken } = await import('../../lib/server/services/access/tokens.service');
	const { token } = await createDisplayToken(
		deps,
		{ name: 'Demo: Kalimantan Barat wall', province: '61' },
		actor
	);
	return `${base}/wall?display=${token}`;
}

/** Signs the demo administrator in through /login; returns the session cookie pair. */
export async function demoSession(url: string): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			origin: url
		},
		body: new URLSearchParams({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('sigap_session='));
	if (!cookie) throw new Error(`demo sign-in failed (${response.status})`);
	return cookie;
}
