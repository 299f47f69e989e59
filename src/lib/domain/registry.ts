/**
 * Placing contacts with the Simkopdes cooperative registry (issue 4 §4): a call or chat from a
 * registered cooperative manager's phone lands in that cooperative's village, regency and
 * province. Precedence (metrics.md §Dimensions, "unknown"): the IVR's choice (call.classified)
 * > the province the source itself gave > the registry's > `unknown`.
 */
import { UNKNOWN, type ContactEvent, type RegistryPlace } from './events';
import { toE164 } from './phone';

/** A cooperative as the registry places it: its id and official village code. */
export interface RegisteredCooperative {
	id: string;
	/** `32.01.01.2001` (BPS/Kemendagri village code: province.regency.district.village). */
	villageCode: string;
}

/** Lengths of a village code's area prefixes: village, district, regency, province. */
const AREA_LENGTHS = [13, 8, 5, 2];

/**
 * Where the cooperatives of one phone number sit: the village (and the cooperative) when there
 * is one, else the most precise area they all share — or null when they share no province.
 */
export function placeOf(cooperatives: RegisteredCooperative[]): RegistryPlace | null {
	if (cooperatives.length === 0) return null;
	const codes = cooperatives.map((c) => c.villageCode);
	for (const length of AREA_LENGTHS) {
		const area = codes[0]!.slice(0, length);
		if (codes.every((c) => c.slice(0, length) === area)) {
			const ids = new Set(cooperatives.map((c) => c.id));
			return ids.size === 1 ? { cooperative: cooperatives[0]!.id, area } : { area };
		}
	}
	return null;
}

/** The province code of a place (the first two digits of its area code). */
export const provinceOfPlace = (place: RegistryPlace) => place.area.slice(0, 2);

/**
 * A call.entered whose caller is a registered manager gets the registry's place, and its
 * province when the source gave none (or `unknown`). Other events are returned as they are.
 */
export function enrichFromRegistry(
	event: ContactEvent,
	lookup: (e164: string) => RegistryPlace | null
): ContactEvent {
	if (event.type !== 'call.entered' || !event.caller || event.registry) return event;
	const phone = toE164(event.caller);
	const place = phone ? lookup(phone) : null;
	if (!place) return event;
	const province =
		event.province && event.province !== UNKNOWN ? event.province : provinceOfPlace(place);
	return { ...event, registry: place, province };
}
