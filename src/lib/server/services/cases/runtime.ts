/**
 * The cases part of the composition root (issue 3): the SLA settings from the database, the
 * directory of teams and agents, the scheduler with its one timer and the webhook outbox. One
 * per process; `container.cases`. The evaluator it holds is also the metrics engine's, so the
 * wall's at-risk and breached counts follow the scheduler's transitions exactly.
 */
import { nextOpening } from '../../../domain/calendar/business-calendar';
import { clockInputOf } from '../../../domain/cases/facts';
import type { SlaEvaluator } from '../../../domain/sla/evaluator';
import { lateBySeconds } from '../../../domain/sla/transitions';
import { toWibIso } from '../../../domain/time/wib';
import type { Config } from '../../config';
import type { Db } from '../../db';
import type { DomainBus } from '../../events/bus';
import { openCaseSummaries } from '../../repositories/case.repository';
import {
	recordTransitions,
	recordedTransitions,
	transitionKey,
	type NewNotificationRecord
} from '../../repositories/sla-transition.repository';
import type { LiveMetrics } from '../live-metrics.service';
import { Directory } from './directory';
import { InboxDelivery } from './inbox-delivery.service';
import { WebhookNotifier } from './notifier.service';
import { summaryOf, type CaseSummary } from './records';
import { SlaScheduler, type Recorded } from './sla-scheduler.service';
import type { SlaSettings } from './sla-settings';
import { systemTimers, type TimerPort } from './timers';
import { rowOf } from './views';
import { DEFAULT_TEAM_ID } from '../../seed/sla-defaults';

export interface CaseRuntime {
	directory: Directory;
	scheduler: SlaScheduler;
	notifier: WebhookNotifier;
	/** Announces in-app notifications at their delivery instant (`notification:delivered`). */
	inbox: InboxDelivery;
	timers: TimerPort;
	settings(): SlaSettings;
	evaluator(): SlaEvaluator;
	/** New calendars or policies: the metrics engine and every open case are evaluated again. */
	setSettings(settings: SlaSettings): Promise<void>;
	/** Publishes a case's fresh row (`case:changed`). */
	publishRow(c: CaseSummary): void;
	stop(): void;
}

export interface CaseRuntimeDeps {
	db: Db;
	bus: DomainBus;
	live: LiveMetrics;
	config: Config;
	settings: SlaSettings;
	timers?: TimerPort;
	now(): number;
}

export async function startCaseRuntime(deps: CaseRuntimeDeps): Promise<CaseRuntime> {
	const { db, bus } = deps;
	const timers = deps.timers ?? systemTimers(deps.now);
	let settings = deps.settings;
	const directory = new Directory(db);
	await directory.reload();
	const calendarOfTeam = (teamId: string | null) => {
		const team = directory.teams.get(teamId ?? DEFAULT_TEAM_ID);
		return settings.calendars.get(team?.calendarId ?? 'standard') ?? null;
	};
	/** Delivery waits for the team's next business opening (issue 3 §Alerts). */
	const deliverable = (teamId: string | null, earliest: number) => {
		const cal = calendarOfTeam(teamId);
		return (cal && nextOpening(cal, earliest)) ?? earliest;
	};
	const notifier = new WebhookNotifier({
		db,
		timers,
		target: deps.config.notifyWebhook ?? null,
		retryAt: (n, earliest) => deliverable(n.teamId, earliest)
	});
	const inbox = new InboxDelivery({ db, bus, timers });
	const runtime: CaseRuntime = {
		directory,
		notifier,
		inbox,
		timers,
		scheduler: null!,
		settings: () => settings,
		evaluator: () => settings.evaluator,
		setSettings: async (next) => {
			settings = next;
			deps.live.setSla(next.evaluator);
			await runtime.scheduler.refreshAll();
		},
		publishRow: (c) => {
			const now = timers.now();
			const status =
				runtime.scheduler.statusOf(c.id, now) ?? settings.evaluator.evaluate(clockInputOf(c), now);
			bus.publish('case:changed', { row: rowOf(c, status, directory, now) });
		},
		stop: () => {
			runtime.scheduler.stop();
			notifier.stop();
			inbox.stop();
		}
	};
	runtime.scheduler = new SlaScheduler({
		timers,
		evaluator: () => settings.evaluator,
		loadOpen: () => mapPages(openCaseSummaries(db)),
		recorded: (ids) => recordedTransitions(db, ids),
		record: async (items, now) => {
			const rows = items.map(({ c, t }) => ({
				caseId: c.id,
				target: t.target,
				fromState: t.from,
				toState: t.to,
				at: new Date(t.at),
				recordedAt: new Date(now)
			}));
			const byKey = new Map(rows.map((r, i) => [transitionKey(r), items[i]!]));
			const added = await recordTransitions(db, rows, (r) =>
				breachNotification(byKey.get(transitionKey(r))!, now)
			);
			return items.filter((_, i) => added.has(transitionKey(rows[i]!)));
		},
		published: (items, now) => publishTransitions(items, now)
	});

	function breachNotification(r: Recorded, now: number): NewNotificationRecord | null {
		if (r.t.to !== 'breached') return null;
		const team = directory.teams.get(r.c.teamId ?? '') ?? null;
		const deliverAt = deliverable(r.c.teamId, now);
		const what = r.t.target === 'firstResponse' ? 'respons pertama' : 'penyelesaian';
		return {
			dedupeKey: `breach:${r.c.id}:${r.t.target}`,
			caseId: r.c.id,
			teamId: r.c.teamId,
			recipientAgentId: team?.leadAgentId ?? null,
			kind: 'sla.breached',
			text: `Kasus ${r.c.number}: batas waktu ${what} terlampaui pada ${toWibIso(r.t.at)}`,
			payload: {
				caseId: r.c.id,
				number: r.c.number,
				province: r.c.provinceCode,
				issueType: r.c.issueType,
				team: r.c.teamId,
				target: r.t.target,
				breachedAt: toWibIso(r.t.at)
			},
			createdAt: new Date(now),
			deliverAt: new Date(deliverAt),
			webhookState: deps.config.notifyWebhook ? 'pending' : 'none',
			webhookNextAt: deps.config.notifyWebhook ? new Date(deliverAt) : null
		};
	}

	function publishTransitions(items: Recorded[], now: number): void {
		const changed = new Map<string, CaseSummary>();
		for (const { c, t } of items) {
			bus.publish('sla:transitioned', {
				caseId: c.id,
				number: c.number,
				province: c.provinceCode,
				issueType: c.issueType,
				target: t.target,
				from: t.from,
				to: t.to,
				at: toWibIso(t.at),
				lateBySeconds: lateBySeconds(t, now)
			});
			changed.set(c.id, c);
		}
		for (const c of changed.values()) runtime.publishRow(c);
		if (items.some((i) => i.t.to === 'breached')) {
			void notifier.poke();
			// A breach in business hours is delivered at once; otherwise this arms for the opening.
			void inbox.poke();
		}
	}

	const started = await runtime.scheduler.start();
	if (started.cases > 0) {
		console.log(
			`sigap: SLA timers for ${started.cases} open cases (${started.recorded} missed transitions recorded)`
		);
	}
	await notifier.poke();
	await inbox.poke();
	return runtime;
}

async function* mapPages(
	pages: ReturnType<typeof openCaseSummaries>
): AsyncGenerator<CaseSummary[]> {
	for await (const page of pages) yield page.map(summaryOf);
}
