/** Builders of wire events (contracts/ingest.ts) with valid defaults, for API-level tests. */
let counter = 0;
const nextId = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

const iso = (t: number | string) => (typeof t === 'number' ? new Date(t).toISOString() : t);

export function callEntered(o: {
	callId?: string;
	at: number | string;
	queue?: string;
	province?: string;
}) {
	return {
		id: nextId('enter'),
		type: 'call.entered',
		callId: o.callId ?? nextId('call'),
		queue: o.queue ?? 'kopdes-lahan',
		at: iso(o.at),
		...(o.province ? { province: o.province } : {})
	};
}

export function callConnected(o: {
	callId: string;
	at: number | string;
	waitSeconds: number;
	queue?: string;
	agent?: string;
}) {
	return {
		id: nextId('connect'),
		type: 'call.connected',
		callId: o.callId,
		queue: o.queue ?? 'kopdes-lahan',
		agent: o.agent ?? 'SIP/1001',
		waitSeconds: o.waitSeconds,
		at: iso(o.at)
	};
}

export function callAbandoned(o: {
	callId: string;
	at: number | string;
	waitSeconds: number;
	queue?: string;
}) {
	return {
		id: nextId('abandon'),
		type: 'call.abandoned',
		callId: o.callId,
		queue: o.queue ?? 'kopdes-lahan',
		waitSeconds: o.waitSeconds,
		at: iso(o.at)
	};
}

export function caseOpened(o: {
	caseId?: string;
	at: number | string;
	province?: string;
	issueType?: string;
}) {
	return {
		id: nextId('case'),
		type: 'case.opened',
		caseId: o.caseId ?? nextId('K'),
		at: iso(o.at),
		province: o.province ?? '61',
		issueType: o.issueType ?? 'kopdes_lahan'
	};
}
