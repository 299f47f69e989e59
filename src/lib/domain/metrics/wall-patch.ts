/**
 * Snapshot-then-deltas for the wall (DESIGN.md habit 5): the server diffs two views into a
 * patch, the browser applies patches in seq order. applyWallPatch(a, diffWallView(a, b))
 * equals b — the property the integration tests rely on.
 */
import type { IssueTypeRow, MinutePoint, ProvinceCell, WallPatch, WallView } from './wall-view';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedRows<T>(prev: T[], next: T[], key: (row: T) => string | number): T[] {
	const before = new Map(prev.map((row) => [key(row), row]));
	return next.filter((row) => !same(before.get(key(row)), row));
}

export function diffWallView(prev: WallView, next: WallView): WallPatch {
	const patch: WallPatch = {};
	if (!same(prev.today, next.today)) patch.today = next.today;
	if (!same(prev.thresholds, next.thresholds)) patch.thresholds = next.thresholds;
	const provinces = changedRows(prev.provinces, next.provinces, (p) => p.code);
	if (provinces.length) patch.provinces = provinces;
	const issueTypes = changedRows(prev.issueTypes, next.issueTypes, (r) => r.code);
	if (issueTypes.length) patch.issueTypes = issueTypes;
	const series = changedRows(prev.series, next.series, (m) => m.minute);
	if (series.length) patch.series = series;
	return patch;
}

export function isEmptyPatch(patch: WallPatch): boolean {
	return Object.keys(patch).length === 0;
}

function upsert<T>(rows: T[], changes: T[] | undefined, key: (row: T) => string | number): T[] {
	if (!changes?.length) return rows;
	const byKey = new Map(rows.map((row) => [key(row), row]));
	for (const row of changes) byKey.set(key(row), row);
	return [...byKey.values()];
}

const SERIES_MINUTES = 60;

function mergeSeries(rows: MinutePoint[], changes: MinutePoint[] | undefined): MinutePoint[] {
	if (!changes?.length) return rows;
	const merged = upsert(rows, changes, (m) => m.minute).sort((a, b) => a.minute - b.minute);
	const newest = merged[merged.length - 1]!.minute;
	return merged.filter((m) => m.minute > newest - SERIES_MINUTES * 60_000);
}

export function applyWallPatch(view: WallView, patch: WallPatch): WallView {
	return {
		scope: view.scope,
		today: patch.today ?? view.today,
		thresholds: patch.thresholds ?? view.thresholds,
		provinces: upsert<ProvinceCell>(view.provinces, patch.provinces, (p) => p.code),
		issueTypes: upsert<IssueTypeRow>(view.issueTypes, patch.issueTypes, (r) => r.code),
		series: mergeSeries(view.series, patch.series)
	};
}
