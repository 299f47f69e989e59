import { describe, expect, it } from 'vitest';
import type { CallEntered, ContactEvent } from './events';
import { enrichFromRegistry, placeOf } from './registry';

describe('placeOf', () => {
	it.each([
		[[], null],
		[[{ id: 'A', villageCode: '32.01.01.2001' }], { cooperative: 'A', area: '32.01.01.2001' }],
		[
			[
				{ id: 'A', villageCode: '32.01.01.2001' },
				{ id: 'B', villageCode: '32.01.01.2002' }
			],
			{ area: '32.01.01' }
		],
		[
			[
				{ id: 'A', villageCode: '32.01.01.2001' },
				{ id: 'B', villageCode: '32.04.02.2002' }
			],
			{ area: '32' }
		],
		[
			[
				{ id: 'A', villageCode: '32.01.01.2001' },
				{ id: 'B', villageCode: '61.01.01.2001' }
			],
			null
		]
	])('%j → %j', (cooperatives, place) => {
		expect(placeOf(cooperatives)).toEqual(place);
	});
});

describe('enrichFromRegistry: IVR > source > registry > unknown', () => {
	const AT = Date.parse('2026-03-24T02:00:00Z');
	const entered = (more: Partial<CallEntered> = {}): CallEntered => ({
		type: 'call.entered',
		callId: 'c1',
		queue: 'kopdes-lahan',
		at: AT,
		caller: '0812-3456-7890',
		...more
	});
	const lookup = (phone: string) =>
		phone === '+6281234567890' ? { cooperative: 'KDMP-1', area: '32.01.01.2001' } : null;

	it('places a registered caller and fills the province', () => {
		expect(enrichFromRegistry(entered(), lookup)).toEqual({
			...entered(),
			province: '32',
			registry: { cooperative: 'KDMP-1', area: '32.01.01.2001' }
		});
	});

	it('keeps a province the source gave, still noting the registry place', () => {
		expect(enrichFromRegistry(entered({ province: '61' }), lookup)).toMatchObject({
			province: '61',
			registry: { area: '32.01.01.2001' }
		});
		expect(enrichFromRegistry(entered({ province: 'unknown' }), lookup)).toMatchObject({
			province: '32'
		});
	});

	it.each<[string, ContactEvent]>([
		['an unregistered caller', entered({ caller: '0813 0000 0000' })],
		['no caller', entered({ caller: undefined })],
		['an extension', entered({ caller: '1001' })],
		['another event', { type: 'call.classified', callId: 'c1', at: AT }]
	])('leaves %s alone', (_, event) => {
		expect(enrichFromRegistry(event, lookup)).toBe(event);
	});
});
