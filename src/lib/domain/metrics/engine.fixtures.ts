/**
 * fast-check arbitraries of plausible contact histories for the engine's property tests: calls
 * with re-entries and transfers, chats from a few contacts (so the 24 h rule fires), cases with
 * reopens, and agent state changes — on a fixed clock, each event unique.
 */
import fc from 'fast-check';
import type { ContactEvent } from '../events';

const MIN = 60_000;
const provinces = fc.constantFrom(undefined, '61', '31', '99');
const issues = fc.constantFrom(undefined, 'pinjaman', 'kopdes_lahan');
const queues = fc.constantFrom('q1', 'q2', 'q3');
const offset = fc.integer({ min: 0, max: 5 * 60 * MIN });
const secs = fc.integer({ min: 0, max: 120 });

function call(id: string, start: number): fc.Arbitrary<ContactEvent[]> {
	const phase = fc.record({
		queue: queues,
		wait: fc.constantFrom(0, 0, 4, 12, 25),
		end: fc.constantFrom('connect', 'transfer', 'abandon', 'exit', 'none'),
		talk: secs,
		complete: fc.boolean(),
		gap: fc.constantFrom(0, 0, 1000)
	});
	return fc
		.tuple(offset, fc.array(phase, { minLength: 1, maxLength: 3 }), provinces, issues, fc.boolean())
		.map(([o, phases, province, issueType, classify]) => {
			const out: ContactEvent[] = [];
			let t = start + o;
			for (const p of phases) {
				const base = { callId: id, queue: p.queue };
				out.push({ type: 'call.entered', ...base, at: t, province });
				t += p.wait * 1000;
				if (p.end === 'connect') {
					out.push({ type: 'call.connected', ...base, at: t, agent: 'a1', waitSeconds: p.wait });
					t += p.talk * 1000;
					if (p.complete)
						out.push({
							type: 'call.completed',
							...base,
							at: t,
							talkSeconds: p.talk,
							holdSeconds: 3,
							by: 'agent'
						});
				} else if (p.end === 'transfer')
					out.push({ type: 'call.transferred', ...base, at: t, talkSeconds: p.talk });
				else if (p.end === 'abandon')
					out.push({ type: 'call.abandoned', ...base, at: t, waitSeconds: p.wait });
				else if (p.end === 'exit')
					out.push({ type: 'call.exited', ...base, at: t, reason: 'timeout' });
				// A gap of 0 puts the next entry at the very instant this phase ended.
				t += p.gap;
			}
			if (classify)
				out.push({
					type: 'call.classified',
					callId: id,
					at: start + o + 500,
					issueType,
					province: '11'
				});
			return out;
		});
}

function chat(id: string, start: number): fc.Arbitrary<ContactEvent[]> {
	return fc
		.record({
			o: offset,
			contact: fc.constantFrom(undefined, 'k1', 'k2'),
			bot: fc.boolean(),
			hand: fc.option(secs),
			replies: fc.array(secs, { maxLength: 3 }),
			end: fc.option(
				fc.constantFrom('bot', 'agent', 'contact') as fc.Arbitrary<'bot' | 'agent' | 'contact'>
			),
			len: secs,
			province: provinces
		})
		.map(({ o, contact, bot, hand, replies, end, len, province }) => {
			const at = start + o;
			const out: ContactEvent[] = [
				{ type: 'chat.started', sessionId: id, at, contact, bot, province }
			];
			if (hand !== null) out.push({ type: 'chat.handed_off', sessionId: id, at: at + hand * 1000 });
			for (const reply of new Set(replies)) {
				const replyAt = at + (hand ?? 0) * 1000 + reply * 1000;
				out.push({ type: 'chat.agent_replied', sessionId: id, at: replyAt, agent: `a${reply}` });
			}
			if (end !== null)
				out.push({ type: 'chat.ended', sessionId: id, at: at + 300_000 + len * 1000, by: end });
			return out;
		});
}

function kase(id: string, start: number): fc.Arbitrary<ContactEvent[]> {
	return fc
		.record({
			o: offset,
			respond: fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 2 }),
			steps: fc.array(
				fc.constantFrom('case.resolved', 'case.closed', 'case.reopened') as fc.Arbitrary<
					'case.resolved' | 'case.closed' | 'case.reopened'
				>,
				{ maxLength: 3 }
			),
			province: provinces
		})
		.map(({ o, respond, steps, province }) => {
			const at = start + o;
			const out: ContactEvent[] = [{ type: 'case.opened', caseId: id, at, province }];
			for (const m of new Set(respond))
				out.push({ type: 'case.responded', caseId: id, at: at + m * MIN });
			steps.forEach((type, i) => out.push({ type, caseId: id, at: at + (i + 1) * 40 * MIN }));
			return out;
		});
}

function agent(start: number): fc.Arbitrary<ContactEvent[]> {
	const type = fc.constantFrom(
		'agent.logged_in',
		'agent.logged_out',
		'agent.paused',
		'agent.unpaused'
	) as fc.Arbitrary<'agent.logged_in' | 'agent.logged_out' | 'agent.paused' | 'agent.unpaused'>;
	const step = fc.record({
		type,
		agent: fc.constantFrom('a1', 'a2'),
		queue: fc.constantFrom(undefined, 'q1', 'q2')
	});
	return fc.array(step, { maxLength: 6 }).map((steps) =>
		steps.map(
			(s, i) =>
				({
					...s,
					at: start + i * 7 * MIN,
					...(s.type === 'agent.paused' ? { reason: 'Lunch' } : {})
				}) as ContactEvent
		)
	);
}

/** A mixed history of up to 6 calls, 6 chats, 4 cases and some agent events after `start`. */
export function arbitraryEvents(start: number): fc.Arbitrary<ContactEvent[]> {
	const many = (
		make: (id: string, s: number) => fc.Arbitrary<ContactEvent[]>,
		prefix: string,
		n: number
	) =>
		fc
			.integer({ min: 0, max: n })
			.chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => make(`${prefix}${i}`, start))));
	return fc
		.tuple(many(call, 'c', 6), many(chat, 's', 6), many(kase, 'k', 4), agent(start))
		.map(([c, s, k, a]) => [...c.flat(), ...s.flat(), ...k.flat(), ...a]);
}
