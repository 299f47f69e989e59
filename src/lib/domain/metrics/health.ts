/**
 * Health of a wall grid cell (wall-view.ts ProvinceCell.health): the worst of service-level
 * health against the goal and backlog health, or idle when there is nothing to judge.
 */
import type { Health } from './wall-view';

export interface HealthInput {
	contactsToday: number;
	/** Calls and chats waiting now. */
	waiting: number;
	backlog: number;
	serviceLevel: number | null;
	atRisk: number;
	breached: number;
}

const ORDER: Health[] = ['idle', 'good', 'warn', 'bad'];
const worst = (a: Health, b: Health) => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** good at or above the goal, warn within 10 points below it, bad further below; good if null. */
export function serviceLevelHealth(serviceLevel: number | null, goal: number): Health {
	if (serviceLevel === null || serviceLevel >= goal) return 'good';
	return serviceLevel >= goal - 10 ? 'warn' : 'bad';
}

/** bad with any breached case, warn with any at risk, else good. */
export function backlogHealth(atRisk: number, breached: number): Health {
	if (breached > 0) return 'bad';
	return atRisk > 0 ? 'warn' : 'good';
}

/** idle: no contacts today, nothing waiting, no open case; else the worse of the two. */
export function cellHealth(input: HealthInput, goal: number): Health {
	if (input.contactsToday === 0 && input.waiting === 0 && input.backlog === 0) return 'idle';
	return worst(
		serviceLevelHealth(input.serviceLevel, goal),
		backlogHealth(input.atRisk, input.breached)
	);
}
