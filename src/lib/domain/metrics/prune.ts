/**
 * Memory bound of the live engine: contacts whose facts all lie before `before` are forgotten
 * (their counts stay in the buckets that are kept). Open contacts stay: calls still waiting or
 * on an agent, unless stale (STALE_AFTER_MS before `before`); chats still waiting; open cases;
 * chats that ended within 24 h before `before`, which a return may still un-contain.
 */
import { waitingPhase, type CallContact } from './calls';
import { compactAgent } from './agents';
import type { ChatContact } from './chats';
import { isOpen } from './cases';
import type { MetricsEngine } from './engine';
import { CONTAINMENT_RETURN_MS, STALE_AFTER_MS } from './settings';

function callSettled(call: CallContact, before: number): boolean {
	if (call.lastAt >= before) return false;
	const stale = before - STALE_AFTER_MS;
	const waiting = waitingPhase(call);
	if (waiting && waiting.enteredAt! >= stale) return false;
	return !call.phases.some(
		(p) => p.outcome === 'answered' && p.doneAt === null && p.endedAt! >= stale
	);
}

function chatSettled(chat: ChatContact, before: number): boolean {
	if (chat.lastAt >= before) return false;
	if (chat.endedAt === null) return chat.lastAt < before - STALE_AFTER_MS;
	return chat.endedAt < before - CONTAINMENT_RETURN_MS;
}

/** MetricsEngine.prune: buckets before `before`, then the contacts that are settled. */
export function pruneEngine(engine: MetricsEngine, before: number): void {
	engine.rollup.prune(before);
	for (const [id, call] of engine.calls) {
		if (!callSettled(call, before)) continue;
		engine.calls.delete(id);
		engine.open.waitingCalls.delete(call);
		for (const agent of engine.callAgents.get(id)?.keys() ?? []) {
			engine.agentCalls.get(agent)?.delete(id);
		}
		engine.callAgents.delete(id);
	}
	for (const [id, chat] of engine.chats) {
		if (!chatSettled(chat, before)) continue;
		engine.chats.delete(id);
		engine.open.waitingChats.delete(chat);
		const contact = chat.started?.contact;
		const sessions = contact ? engine.chatsByContact.get(contact) : undefined;
		sessions?.delete(chat);
		if (contact && sessions?.size === 0) engine.chatsByContact.delete(contact);
	}
	for (const [id, c] of engine.cases) {
		if (!isOpen(c) && c.lastAt < before) engine.cases.delete(id);
	}
	for (const [id, calls] of engine.agentCalls) if (calls.size === 0) engine.agentCalls.delete(id);
	for (const agent of engine.agents.values()) compactAgent(agent, before);
}
