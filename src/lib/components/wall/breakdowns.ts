/**
 * The wall's two breakdowns as display rows: the 38-province grid (every province shown, even
 * with no contact yet, plus `unknown` when it has any) and the issue-type table.
 */
import type { IssueTypeRow, ProvinceCell, WallView } from '$contracts/metrics';
import type { Reference } from '$contracts/reference';
import { t, type Lang } from '$lib/i18n';

export interface ProvinceTile extends ProvinceCell {
	name: string;
}

const idleCell = (code: string): ProvinceCell => ({
	code,
	callsWaiting: 0,
	chatsWaiting: 0,
	contactsToday: 0,
	serviceLevel: null,
	abandonRate: null,
	backlog: 0,
	atRisk: 0,
	breached: 0,
	health: 'idle'
});

/** One cell per reference province in BPS code order, then `unknown` if the view has it. */
export function provinceTiles(reference: Reference, view: WallView, lang: Lang): ProvinceTile[] {
	const byCode = new Map(view.provinces.map((cell) => [cell.code, cell]));
	// A province wall shows its own province only (issue 5: nothing of other provinces).
	const own = view.scope?.province ?? null;
	const shown = own ? reference.provinces.filter((p) => p.code === own) : reference.provinces;
	const tiles = shown.map((p) => ({
		...(byCode.get(p.code) ?? idleCell(p.code)),
		name: p.name
	}));
	const unknown = byCode.get('unknown');
	if (unknown) tiles.push({ ...unknown, name: t(lang).unknownProvince });
	return tiles;
}

export interface IssueLine extends IssueTypeRow {
	label: string;
}

/** Issue types with contacts, busiest first, cut to `limit` rows; `more` counts the rest. */
export function issueLines(
	reference: Reference,
	view: WallView,
	lang: Lang,
	limit: number
): { lines: IssueLine[]; more: number } {
	const labels = new Map(
		reference.issueTypes.map((it) => [it.code, lang === 'en' ? it.labelEn : it.labelId])
	);
	const active = view.issueTypes
		.filter((row) => row.contactsToday + row.backlog + row.callsWaiting + row.chatsWaiting > 0)
		.sort((a, b) => b.contactsToday - a.contactsToday || a.code.localeCompare(b.code))
		.map((row) => ({ ...row, label: labels.get(row.code) ?? issueLabelFallback(row.code, lang) }));
	return { lines: active.slice(0, limit), more: Math.max(0, active.length - limit) };
}

function issueLabelFallback(code: string, lang: Lang): string {
	return code === 'unknown' ? t(lang).unknownIssueType : code;
}
