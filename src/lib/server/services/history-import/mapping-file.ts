/**
 * The mapping file of `sigap import cases` (issue 6 §History import), validated once: its shape,
 * its time zone, the columns it names against the CSV header, and the issue types and teams it
 * maps to against Sigap's own. Any problem here stops the import before anything is written.
 */
import { z } from 'zod';
import { CHANNELS } from '../../../domain/events';
import { IMPORT_STATUSES, type CaseMapping } from '../../../domain/history/mapping';
import { DATE_FORMATS, timeZoneProblem } from '../../../domain/history/wall-time';

const name = z.string().trim().min(1, 'must name a column');
const valueMap = <T extends z.ZodType<string>>(to: T) => z.record(z.string(), to);
const teamId = z
	.string()
	.regex(/^[a-z0-9-]{1,60}$/, 'must be a team id (lower-case letters, digits, -)');

const schema = z
	.object({
		source: z
			.string()
			.regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be a short lower-case name such as nyc-311'),
		timeZone: z.string().min(1),
		dateFormat: z.enum(DATE_FORMATS, { error: `must be one of: ${DATE_FORMATS.join(' | ')}` }),
		columns: z
			.object({
				id: name,
				createdAt: name,
				status: name,
				closedAt: name.optional(),
				firstResponseAt: name.optional(),
				statusAt: name.optional(),
				issueType: name.optional(),
				team: name.optional(),
				channel: name.optional(),
				province: name.optional(),
				subject: z.array(name).optional(),
				description: z.array(name).optional()
			})
			.strict(),
		statuses: valueMap(
			z.enum(IMPORT_STATUSES, { error: `must be one of: ${IMPORT_STATUSES.join(', ')}` })
		),
		issueTypes: valueMap(
			z.string().regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code')
		).optional(),
		teams: valueMap(teamId).optional(),
		channels: valueMap(
			z.enum(CHANNELS, { error: `must be one of: ${CHANNELS.join(', ')}` })
		).optional(),
		provinces: valueMap(z.string().regex(/^\d{2}$/, 'must be a BPS province code')).optional(),
		createTeams: z
			.array(z.object({ id: teamId, name: z.string().trim().min(1).max(200) }).strict())
			.optional(),
		defaults: z
			.object({
				issueType: z.string().regex(/^[a-z0-9_]{1,40}$/, 'must be an issue-type code'),
				channel: z.enum(CHANNELS),
				reporterType: z.enum(['public', 'member', 'manager']).default('public'),
				reporterContact: z.string().min(3)
			})
			.strict()
	})
	.strict();

/** The mapping in `text` (JSON), or the first problem naming its field. */
export function readMapping(
	text: string
): { ok: true; mapping: CaseMapping } | { ok: false; message: string } {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return { ok: false, message: `mapping: not JSON (${(error as Error).message})` };
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where =
			issue.path.join('.') || (issue as { keys?: string[] }).keys?.join(', ') || 'mapping';
		return { ok: false, message: `mapping ${where}: ${issue.message}` };
	}
	const zone = timeZoneProblem(parsed.data.timeZone);
	if (zone) return { ok: false, message: `mapping timeZone: ${zone}` };
	return { ok: true, mapping: parsed.data };
}

/** The first reason the mapping cannot be used with this CSV header and this Sigap, or null. */
export function mappingProblem(
	m: CaseMapping,
	header: readonly string[],
	known: { issueTypes: readonly string[]; teams: readonly string[] }
): string | null {
	const c = m.columns;
	const named = [
		c.id,
		c.createdAt,
		c.status,
		c.closedAt,
		c.firstResponseAt,
		c.statusAt,
		c.issueType,
		c.team,
		c.channel,
		c.province,
		...(c.subject ?? []),
		...(c.description ?? [])
	];
	for (const col of named) {
		if (col !== undefined && !header.includes(col))
			return `mapping names column "${col}", which the CSV lacks; its columns: ${header.join(', ')}`;
	}
	const codes = [m.defaults.issueType, ...Object.values(m.issueTypes ?? {})];
	const badIssue = codes.find((code) => !known.issueTypes.includes(code));
	if (badIssue)
		return `mapping issueTypes: "${badIssue}" is not an issue type; known: ${known.issueTypes.join(', ')}`;
	const teams = new Set([...known.teams, ...(m.createTeams ?? []).map((t) => t.id)]);
	const badTeam = Object.values(m.teams ?? {}).find((t) => !teams.has(t));
	if (badTeam)
		return `mapping teams: "${badTeam}" is not a team; add it to createTeams or use one of: ${[...teams].join(', ')}`;
	return null;
}
