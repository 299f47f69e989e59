import { describe, expect, it } from 'vitest';
import { silentLines } from './silent-sources';

const at = Date.parse('2026-03-09T10:00:00+07:00');
const silent = (source: string, silentMinutes: number) => ({
	source,
	silentMinutes,
	since: '2026-03-09T09:00:00+07:00',
	quietMinutes: 15
});

describe('silentLines', () => {
	it.each([
		{ name: 'as received', now: at, lines: [{ source: 'pbx-jakarta', minutes: 23 }] },
		{
			name: 'grown on the wall clock',
			now: at + 2 * 60_000 + 5,
			lines: [{ source: 'pbx-jakarta', minutes: 25 }]
		},
		{
			name: 'a wall clock behind the server',
			now: at - 60_000,
			lines: [{ source: 'pbx-jakarta', minutes: 23 }]
		}
	])('$name', ({ now, lines }) => {
		expect(silentLines([silent('pbx-jakarta', 23)], at, now)).toEqual({ lines, more: 0 });
	});

	it('names the longest silences first and counts the rest', () => {
		const list = [silent('a', 16), silent('b', 40), silent('c', 20), silent('d', 90)];
		expect(silentLines(list, at, at)).toEqual({
			lines: [
				{ source: 'd', minutes: 90 },
				{ source: 'b', minutes: 40 },
				{ source: 'c', minutes: 20 }
			],
			more: 1
		});
	});

	it('is empty when nothing is silent', () => {
		expect(silentLines([], at, at)).toEqual({ lines: [], more: 0 });
	});
});
