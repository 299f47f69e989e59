/**
 * The open cases behind a backlog age bucket (issue 6 §Trend pages, drill-down): from the live
 * state, as the bucket counts them, oldest first.
 */
import { ageBucket, AGE_BUCKETS, type OpenCaseAge } from '../../../domain/trends/backlog';
import type { MetricsFilter } from '../../../domain/metrics/figures';
import type { Container } from '../../container';
import type { TrendScope } from '../../repositories/trend.repository';
import { filterProblem, inScope } from './scope';

/** Open cases in bucket `bucket` (or every bucket when null), within the filter and scope. */
export function backlogList(
	c: Pick<Container, 'live' | 'reference'>,
	params: URLSearchParams,
	scope?: TrendScope
):
	| { ok: true; rows: OpenCaseAge[]; bucket: number | null }
	| { ok: false; message: string; status: 400 | 403 } {
	const raw = params.get('backlog');
	const bucket = raw === null || raw === 'all' ? null : Number(raw);
	if (bucket !== null && !(Number.isInteger(bucket) && bucket >= 0 && bucket < AGE_BUCKETS.length))
		return {
			ok: false,
			status: 400,
			message: `backlog: a bucket 0…${AGE_BUCKETS.length - 1} or all`
		};
	const filter: MetricsFilter = {};
	const province = params.get('province');
	const issueType = params.get('issueType');
	if (province) filter.province = province;
	if (issueType) filter.issueType = issueType;
	const problem = filterProblem(filter, scope, c);
	if (problem) return { ok: false, ...problem };
	const breachedOnly = params.get('risk') === 'breached';
	const rows = c.live
		.openCaseAges(filter)
		.filter((x) => inScope(x, scope))
		.filter((x) => bucket === null || ageBucket(x.ageMinutes) === bucket)
		.filter((x) => !breachedOnly || x.risk === 'breached')
		.sort((a, b) => b.ageMinutes - a.ageMinutes);
	return { ok: true, rows, bucket };
}
