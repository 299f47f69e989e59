/**
 * The source-health monitor of a container (issue 4 §6): silence judged on the standard
 * calendar as administrators keep it (sla.md's; the built-in one until the store has it), with
 * the container's timers (a fake clock in tests) and its configured channels.
 */
import { standardCalendar } from '../../../domain/calendar/business-calendar';
import { INDONESIA_HOLIDAYS } from '../../../domain/calendar/holidays-id';
import type { BusinessCalendar } from '../../../domain/calendar/types';
import type { Db } from '../../db';
import type { DomainBus } from '../../events/bus';
import type { TimerPort } from '../cases/timers';
import { SourceHealthMonitor } from './source-health.service';

export type { SourceHealthMonitor };

const STANDARD = 'standard';

export async function startSourceHealth(c: {
	database: { db: Db };
	bus: DomainBus;
	cases: { timers: TimerPort; settings(): { calendars: Map<string, BusinessCalendar> } };
	config: { channels: { sourceQuietMinutes: number; ami: { source: string } | null } };
	channels: {
		ami: { status(): { connected: boolean } } | null;
		whatsapp: unknown;
		chatwoot: unknown;
	};
}): Promise<SourceHealthMonitor> {
	const fallback = standardCalendar(INDONESIA_HOLIDAYS);
	const ami = c.channels.ami;
	const amiSource = c.config.channels.ami?.source;
	const monitor = new SourceHealthMonitor({
		db: c.database.db,
		bus: c.bus,
		timers: c.cases.timers,
		calendar: () => c.cases.settings().calendars.get(STANDARD) ?? fallback,
		defaultQuietMinutes: c.config.channels.sourceQuietMinutes,
		channels: {
			ami: ami && amiSource ? { source: amiSource, connected: () => ami.status().connected } : null,
			whatsapp: c.channels.whatsapp !== null,
			chatwoot: c.channels.chatwoot !== null
		}
	});
	await monitor.start();
	return monitor;
}
