/**
 * WhatsApp Cloud API webhook bodies (`object: whatsapp_business_account`, `entry[].changes[]`)
 * read into inbound messages and outbound delivery statuses. Pure. Every message type is
 * accepted as it comes (a type Sigap does not know is kept, with its name); what cannot be
 * read — another `field`, a message without id, an error block — is returned as `unread`
 * with the reason, for a dead letter. Nothing is silently dropped.
 */

export interface WaInbound {
	wamid: string;
	/** The sender's `wa_id`: digits with country code, no `+`. */
	from: string;
	at: number;
	/** As sent: text, image, audio, sticker, reaction, location, contacts, order, unsupported, … */
	type: string;
	/** The business number that received it. */
	phoneNumberId: string;
}

export const DELIVERY_STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface WaStatus {
	wamid: string;
	status: DeliveryStatus;
	at: number;
	recipient: string;
	/** `group` recipients are group ids, not phone numbers. */
	group: boolean;
	phoneNumberId: string;
	errorCode?: number;
}

export interface WaUnread {
	reason: string;
	value: unknown;
}

export interface WaRead {
	inbound: WaInbound[];
	statuses: WaStatus[];
	unread: WaUnread[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v : []);

/** `"1697043223"` (epoch seconds, as Meta sends them) → ms; undefined when not that. */
function epochSeconds(v: unknown): number | undefined {
	const text = typeof v === 'number' ? String(v) : str(v);
	return text && /^\d{9,11}$/.test(text) ? Number(text) * 1000 : undefined;
}

function readMessage(m: unknown, phoneNumberId: string, out: WaRead): void {
	const wamid = isObj(m) ? str(m.id) : undefined;
	const from = isObj(m) ? str(m.from) : undefined;
	const at = isObj(m) ? epochSeconds(m.timestamp) : undefined;
	if (!isObj(m) || !wamid || !from || at === undefined) {
		out.unread.push({ reason: 'message without id, from or timestamp (epoch seconds)', value: m });
		return;
	}
	out.inbound.push({ wamid, from, at, type: str(m.type) ?? 'unknown', phoneNumberId });
}

function readStatus(s: unknown, phoneNumberId: string, out: WaRead): void {
	const status = isObj(s) ? str(s.status)?.toLowerCase() : undefined;
	const wamid = isObj(s) ? str(s.id) : undefined;
	const at = isObj(s) ? epochSeconds(s.timestamp) : undefined;
	const recipient = isObj(s) ? str(s.recipient_id) : undefined;
	if (!isObj(s) || !wamid || at === undefined || !recipient) {
		out.unread.push({ reason: 'status without id, timestamp or recipient_id', value: s });
	} else if (!DELIVERY_STATUSES.includes(status as DeliveryStatus)) {
		out.unread.push({ reason: `unknown delivery status "${status}"`, value: s });
	} else {
		const code = list(s.errors).map((e) => (isObj(e) ? e.code : undefined))[0];
		out.statuses.push({
			wamid,
			status: status as DeliveryStatus,
			at,
			recipient,
			group: s.recipient_type === 'group',
			phoneNumberId,
			...(typeof code === 'number' ? { errorCode: code } : {})
		});
	}
}

/** Reads a parsed webhook body; null when it is not a WhatsApp Business Account webhook at all. */
export function readWhatsAppWebhook(body: unknown): WaRead | null {
	if (!isObj(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry))
		return null;
	const out: WaRead = { inbound: [], statuses: [], unread: [] };
	for (const entry of body.entry) {
		for (const change of list(isObj(entry) ? entry.changes : undefined)) {
			const value = isObj(change) ? change.value : undefined;
			if (!isObj(change) || change.field !== 'messages' || !isObj(value)) {
				const field = isObj(change) ? String(change.field) : 'none';
				out.unread.push({
					reason: `webhook field "${field}" is not handled (subscribe to "messages")`,
					value: change
				});
				continue;
			}
			const phoneNumberId =
				str(isObj(value.metadata) ? value.metadata.phone_number_id : undefined) ?? 'unknown';
			for (const m of list(value.messages)) readMessage(m, phoneNumberId, out);
			for (const s of list(value.statuses)) readStatus(s, phoneNumberId, out);
			for (const e of list(value.errors))
				out.unread.push({ reason: 'WhatsApp reported an error for this webhook', value: e });
		}
	}
	return out;
}
