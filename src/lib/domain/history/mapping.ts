/**
 * A column mapping from another system's case export to Sigap cases (issue 6 §History import),
 * and what it makes of one row: the record to replay, or the reason the row is refused. The
 * mapping file's shape is validated at the edge (server/services/history-import); this is pure.
 */
import type { Channel } from '../events';
import { parseWallTime, type DateFormat } from './wall-time';

/** Statuses an imported case may end in (`assigned` needs a person: use in_progress). */
export const IMPORT_STATUSES = [
	'new',
	'in_progress',
	'waiting_on_reporter',
	'resolved',
	'closed'
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Source value → Sigap value; the key `*` takes every value not listed. */
export type ValueMap<T extends string> = Record<string, T>;

export interface CaseMapping {
	source: string;
	timeZone: string;
	dateFormat: DateFormat;
	columns: {
		id: string;
		createdAt: string;
		status: string;
		closedAt?: string;
		firstResponseAt?: string;
		/** When the status was last set (open statuses other than new start then). */
		statusAt?: string;
		issueType?: string;
		team?: string;
		channel?: string;
		province?: string;
		subject?: string[];
		description?: string[];
	};
	statuses: ValueMap<ImportStatus>;
	issueTypes?: ValueMap<string>;
	teams?: ValueMap<string>;
	channels?: ValueMap<Channel>;
	provinces?: ValueMap<string>;
	createTeams?: { id: string; name: string }[];
	defaults: {
		issueType: string;
		channel: Channel;
		reporterType: 'public' | 'member' | 'manager';
		reporterContact: string;
	};
}

/** One row as the replay needs it: instants in epoch ms. */
export interface ImportRecord {
	line: number;
	sourceId: string;
	createdAt: number;
	firstResponseAt: number | null;
	closedAt: number | null;
	statusAt: number;
	status: ImportStatus;
	issueType: string;
	teamId: string | null;
	channel: Channel;
	province: string | null;
	subject: string;
	description: string;
}

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; reason: string };

function mapped<T extends string>(map: ValueMap<T> | undefined, value: string): T | undefined {
	if (!map) return undefined;
	return Object.hasOwn(map, value) ? map[value] : map['*'];
}

const joined = (row: Record<string, string>, cols: string[] | undefined, sep: string) =>
	(cols ?? [])
		.map((c) => (row[c] ?? '').trim())
		.filter(Boolean)
		.join(sep);

/** The record of one CSV row (`line` is the file's line number, header = 1), or why not. */
export function mapRow(row: Record<string, string>, m: CaseMapping, line: number): RowResult {
	const c = m.columns;
	const cell = (col: string | undefined) => (col ? (row[col] ?? '').trim() : '');
	const sourceId = cell(c.id);
	if (!sourceId) return { ok: false, reason: `${c.id}: empty` };
	const instant = (col: string | undefined, required: boolean) => {
		const text = cell(col);
		if (!text) return required ? { ok: false as const, reason: `${col}: empty` } : null;
		const t = parseWallTime(text, m.dateFormat, m.timeZone);
		return t.ok ? t.at : { ok: false as const, reason: `${col}: ${t.reason}` };
	};
	const created = instant(c.createdAt, true);
	const closed = instant(c.closedAt, false);
	const responded = instant(c.firstResponseAt, false);
	const statusSet = instant(c.statusAt, false);
	for (const t of [created, closed, responded, statusSet]) if (t && typeof t === 'object') return t;
	const createdAt = created as number;
	const rawStatus = cell(c.status);
	const status = mapped(m.statuses, rawStatus);
	if (!status)
		return { ok: false, reason: `${c.status}: "${rawStatus}" has no mapping in statuses` };
	const closedAt = closed as number | null;
	const final = status === 'resolved' || status === 'closed';
	if (final && closedAt === null)
		return {
			ok: false,
			reason: `${c.status}: "${rawStatus}" but ${c.closedAt ?? 'closedAt'} is empty`
		};
	if (closedAt !== null && closedAt < createdAt)
		return {
			ok: false,
			reason: `${c.closedAt}: ${cell(c.closedAt)} is before ${c.createdAt} ${cell(c.createdAt)}`
		};
	// A reply after the case was closed is no first response (the case services refuse it too).
	const replied = responded === null ? null : Math.max(responded as number, createdAt);
	const firstResponseAt =
		replied !== null && final && closedAt !== null && replied > closedAt ? null : replied;
	const subject = joined(row, c.subject, ' — ').slice(0, 200) || `${m.source} ${sourceId}`;
	return {
		ok: true,
		record: {
			line,
			sourceId,
			createdAt,
			firstResponseAt,
			closedAt: final ? closedAt : null,
			statusAt: Math.max(createdAt, (statusSet as number | null) ?? createdAt),
			status,
			issueType: mapped(m.issueTypes, cell(c.issueType)) ?? m.defaults.issueType,
			teamId: mapped(m.teams, cell(c.team)) ?? null,
			channel: mapped(m.channels, cell(c.channel)) ?? m.defaults.channel,
			province: mapped(m.provinces, cell(c.province)) ?? null,
			subject,
			description: joined(row, c.description, '\n').slice(0, 5000) || subject
		}
	};
}

export type ReplayStep =
	| { at: number; kind: 'create'; record: ImportRecord }
	| { at: number; kind: 'respond'; record: ImportRecord }
	| { at: number; kind: 'status'; record: ImportRecord; status: ImportStatus };

const ORDER = { create: 0, respond: 1, status: 2 } as const;

/**
 * Every record's milestones in instant order (creation, first response, final status), so the
 * case services run on a clock that only moves forward, as they did when it happened.
 */
export function replayPlan(records: readonly ImportRecord[]): ReplayStep[] {
	const steps: ReplayStep[] = [];
	for (const r of records) {
		steps.push({ at: r.createdAt, kind: 'create', record: r });
		if (r.firstResponseAt !== null)
			steps.push({ at: r.firstResponseAt, kind: 'respond', record: r });
		if (r.status !== 'new') {
			const at = r.closedAt ?? r.statusAt;
			steps.push({ at, kind: 'status', record: r, status: r.status });
		}
	}
	return steps.sort(
		(a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind] || a.record.line - b.record.line
	);
}
