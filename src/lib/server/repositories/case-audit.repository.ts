/** The cases of an audit export (issue 6 §Exports): one row per case created in a range. */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { cases, provinces, regencies } from '../db/schema';
import { scopeWhere } from './trend.repository';

export interface AuditQuery {
	from: number;
	to: number;
	province?: string;
	issueType?: string;
	channel?: string;
	provinces?: readonly string[] | null;
	issueTypes?: readonly string[] | null;
	limit: number;
}

/** Case rows (with province and regency names) created in [from, to), oldest first. */
export async function casesCreatedIn(db: Db, q: AuditQuery) {
	return db
		.select({
			case: cases,
			provinceName: provinces.name,
			regencyName: regencies.name
		})
		.from(cases)
		.leftJoin(provinces, eq(provinces.code, cases.provinceCode))
		.leftJoin(regencies, eq(regencies.code, cases.regencyCode))
		.where(
			and(
				gte(cases.createdAt, new Date(q.from)),
				lt(cases.createdAt, new Date(q.to)),
				q.province ? eq(cases.provinceCode, q.province) : undefined,
				q.issueType ? eq(cases.issueType, q.issueType) : undefined,
				q.channel ? eq(cases.channel, q.channel) : undefined,
				scopeWhere(
					{ provinces: q.provinces ?? null, issueTypes: q.issueTypes ?? null },
					cases.provinceCode,
					cases.issueType
				)
			)
		)
		.orderBy(asc(cases.createdAt), asc(cases.number))
		.limit(q.limit);
}
