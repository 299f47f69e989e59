/**
 * `sigap import cooperatives FILE` as a use case (issue 4 §4): read the registry, check every
 * village code against the official area table, and only when nothing is wrong upsert all of
 * it in one transaction — all or nothing, so a half-imported registry never places contacts.
 * Re-importing updates cooperatives by id (no duplicates); cooperatives absent from a later
 * export are kept.
 */
import type { CooperativeRegistry } from '../ingest/registry/registry';
import type { CooperativeRecord, RegistryProblem } from '../ingest/registry/parse';

export interface CooperativeImportDeps {
	knownVillages(codes: string[]): Promise<Set<string>>;
	save(
		records: CooperativeRecord[],
		from: string,
		at: number
	): Promise<{ inserted: number; updated: number }>;
	now(): number;
}

export interface CooperativeImportReport {
	/** True when the registry was stored; false: nothing was changed. */
	stored: boolean;
	read: number;
	inserted: number;
	updated: number;
	phones: number;
	problems: RegistryProblem[];
}

export async function importCooperatives(
	deps: CooperativeImportDeps,
	registry: CooperativeRegistry
): Promise<CooperativeImportReport> {
	const { records, problems } = await registry.read();
	const report: CooperativeImportReport = {
		stored: false,
		read: records.length,
		inserted: 0,
		updated: 0,
		phones: records.reduce((n, r) => n + r.phones.length, 0),
		problems: [...problems]
	};
	const known = await deps.knownVillages(records.map((r) => r.villageCode));
	for (const r of records) {
		if (!known.has(r.villageCode)) {
			report.problems.push({
				line: r.line,
				message: `unknown village code ${r.villageCode} (not in the official area data)`
			});
		}
	}
	report.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	if (report.problems.length || records.length === 0) {
		if (records.length === 0 && !report.problems.length)
			report.problems.push({ line: null, message: 'no cooperatives in the file' });
		return report;
	}
	Object.assign(report, await deps.save(records, registry.name, deps.now()), { stored: true });
	return report;
}
