/**
 * The normalised contact events of Sigap's event store: what every source adapter
 * (queue_log, AMI, chat webhooks, case service, ingest API) turns its input into.
 * Instants are epoch milliseconds (UTC); the wire format (ISO 8601) lives in contracts/.
 * metrics.md §Dimensions: a contact with no known province or issue type is `unknown`.
 */

export const CHANNELS = ['call', 'chat', 'ticket'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The dimension value of a contact whose province or issue type is not known. */
export const UNKNOWN = 'unknown';

/** BPS province code (`'61'` Kalimantan Barat) or `unknown`. */
export type ProvinceCode = string;
/** Issue-type code from the taxonomy table (`'kopdes_lahan'`) or `unknown`. */
export type IssueTypeCode = string;

interface EventBase {
	/** Instant the event happened at the source, epoch ms UTC. */
	at: number;
}

/**
 * Where the Simkopdes cooperative registry places a contact whose phone number belongs to a
 * registered cooperative's manager: the cooperative and its official village (regency and
 * province are the code's prefixes; a number shared by cooperatives in several villages keeps
 * only what they share). Its province fills `province` when the source gave none.
 */
export interface RegistryPlace {
	/** Cooperative id, or absent when the number belongs to several cooperatives. */
	cooperative?: string;
	/** The most precise area code all its cooperatives share: village, district, regency or province. */
	area: string;
}

// --- calls (metrics.md §Calls) -------------------------------------------------------------
interface CallBase extends EventBase {
	callId: string;
	queue: string;
}
export interface CallEntered extends CallBase {
	type: 'call.entered';
	caller?: string;
	province?: ProvinceCode;
	issueType?: IssueTypeCode;
	/** Set at ingest when the caller is a registered cooperative manager (see RegistryPlace). */
	registry?: RegistryPlace;
}
export interface CallConnected extends CallBase {
	type: 'call.connected';
	agent: string;
	/** Wait as the PBX measured it (queue entry → connect); falls back to timestamps when absent. */
	waitSeconds?: number;
	ringSeconds?: number;
}
export interface CallTransferred extends CallBase {
	type: 'call.transferred';
	agent?: string;
	waitSeconds?: number;
	talkSeconds?: number;
	target?: string;
}
export interface CallCompleted extends CallBase {
	type: 'call.completed';
	agent?: string;
	waitSeconds?: number;
	talkSeconds: number;
	holdSeconds?: number;
	wrapUpSeconds?: number;
	by: 'agent' | 'caller';
}
export interface CallAbandoned extends CallBase {
	type: 'call.abandoned';
	waitSeconds?: number;
	position?: number;
}
/**
 * Why a caller left a queue without agent or hang-up. `unknown`: the PBX did not say (an AMI
 * queue leave without QUEUESTATUS, or a caller gone while Sigap could not see the PBX).
 */
export const EXIT_REASONS = [
	'timeout',
	'empty',
	'key',
	'full',
	'closed',
	'joinempty',
	'unknown'
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];
export interface CallExited extends CallBase {
	type: 'call.exited';
	reason: ExitReason;
	waitSeconds?: number;
}
/** Province and issue type chosen in the IVR (queue_log `SIGAP_IVR` row or AMI variable). */
export interface CallClassified extends EventBase {
	type: 'call.classified';
	callId: string;
	province?: ProvinceCode;
	issueType?: IssueTypeCode;
}
export type CallEvent =
	| CallEntered
	| CallConnected
	| CallTransferred
	| CallCompleted
	| CallAbandoned
	| CallExited
	| CallClassified;

// --- agents (metrics.md §Calls, "agents") ------------------------------------------------
interface AgentBase extends EventBase {
	/** Canonical agent id (see canonicalAgent in domain/agent-id.ts): `SIP/1001` and `Agent/1001` are `1001`. */
	agent: string;
	/** Absent: all queues of the agent. */
	queue?: string;
}
export interface AgentLoggedIn extends AgentBase {
	type: 'agent.logged_in';
}
export interface AgentLoggedOut extends AgentBase {
	type: 'agent.logged_out';
}
export interface AgentPaused extends AgentBase {
	type: 'agent.paused';
	reason?: string;
}
export interface AgentUnpaused extends AgentBase {
	type: 'agent.unpaused';
}
export type AgentEvent = AgentLoggedIn | AgentLoggedOut | AgentPaused | AgentUnpaused;

/** A PBX row that is not queue traffic (OUTDIAL, CONFIGRELOAD, vendor events): kept, ignored. */
export interface PbxOther extends EventBase {
	type: 'pbx.other';
	event: string;
	callId?: string;
	queue?: string;
	agent?: string;
	data?: string[];
}

// --- chat (metrics.md §Chat) --------------------------------------------------------------
interface ChatBase extends EventBase {
	sessionId: string;
}
export interface ChatStarted extends ChatBase {
	type: 'chat.started';
	/** Stable pseudonymous contact key (e.g. hashed E.164); used for the 24 h containment rule. */
	contact?: string;
	province?: ProvinceCode;
	issueType?: IssueTypeCode;
	/** True when the session begins with the chatbot. */
	bot: boolean;
	/** Set at ingest when the sender is a registered cooperative manager (see RegistryPlace). */
	registry?: RegistryPlace;
}
export interface ChatHandedOff extends ChatBase {
	type: 'chat.handed_off';
}
export interface ChatAgentReplied extends ChatBase {
	type: 'chat.agent_replied';
	agent: string;
}
export interface ChatEnded extends ChatBase {
	type: 'chat.ended';
	by: 'bot' | 'agent' | 'contact' | 'system';
}
export type ChatEvent = ChatStarted | ChatHandedOff | ChatAgentReplied | ChatEnded;

// --- cases (metrics.md §Tickets / cases) ------------------------------------------------
interface CaseBase extends EventBase {
	caseId: string;
}
export interface CaseOpened extends CaseBase {
	type: 'case.opened';
	province?: ProvinceCode;
	issueType?: IssueTypeCode;
	/** The channel the case came from (a letter is `ticket`, a call turned into a case is `call`). */
	origin?: Channel;
	priority?: 'low' | 'normal' | 'high' | 'urgent';
	/**
	 * The SLA policy revision fixed at creation (`default@1`, sla.md §Policies: a policy change
	 * applies to new cases). Absent: the current policies are matched.
	 */
	policy?: string;
}
export interface CaseResponded extends CaseBase {
	type: 'case.responded';
}
export interface CaseResolved extends CaseBase {
	type: 'case.resolved';
}
export interface CaseClosed extends CaseBase {
	type: 'case.closed';
}
export interface CaseReopened extends CaseBase {
	type: 'case.reopened';
}
/** The case now waits on the reporter: the resolution clock stops (sla.md §Policies). */
export interface CaseWaiting extends CaseBase {
	type: 'case.waiting';
}
/** The reporter answered (the case left waiting_on_reporter): the resolution clock runs on. */
export interface CaseResumed extends CaseBase {
	type: 'case.resumed';
}
export type CaseEvent =
	CaseOpened | CaseResponded | CaseResolved | CaseClosed | CaseReopened | CaseWaiting | CaseResumed;

export type ContactEvent = CallEvent | AgentEvent | PbxOther | ChatEvent | CaseEvent;
export type ContactEventType = ContactEvent['type'];

/** The channel an event belongs to, for storage and filtering. Agent and PBX rows are `call`. */
export function channelOf(event: ContactEvent): Channel {
	const family = event.type.slice(0, event.type.indexOf('.'));
	if (family === 'chat') return 'chat';
	if (family === 'case') return 'ticket';
	return 'call';
}

/** The contact an event belongs to (call id, chat session, case), or null for agent/PBX rows. */
export function contactIdOf(event: ContactEvent): string | null {
	if ('callId' in event && event.callId) return event.callId;
	if ('sessionId' in event) return event.sessionId;
	if ('caseId' in event) return event.caseId;
	return null;
}

/** An event as stored: with the source that sent it and the source's own id. */
export interface StoredEvent {
	/** Monotonic store id (insertion order). */
	id: number;
	source: string;
	sourceEventId: string;
	receivedAt: number;
	event: ContactEvent;
}
