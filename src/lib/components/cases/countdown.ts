/**
 * Time left to a due instant, computed in the browser from `dueAt` (issue 3 §6): the queue
 * ticks every second without asking the server. Wall-clock time, not business minutes: a team
 * lead asks "how long until this breaches", and the breach happens at `dueAt`.
 */

export interface Countdown {
	/** `1:05:09` below a day, `2d 03h` (en) / `2h 03j` (id) from a day on. Never signed. */
	text: string;
	/** True when the due instant has passed: the text is then how late. */
	late: boolean;
}

export interface CountdownUnits {
	day: string;
	hour: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whole seconds, floored towards the due instant so a countdown never shows 0 before it. */
export function countdown(dueAt: number, now: number, units: CountdownUnits): Countdown {
	const late = now >= dueAt;
	const seconds = late ? Math.floor((now - dueAt) / 1000) : Math.ceil((dueAt - now) / 1000);
	return { text: durationText(seconds, units), late };
}

/** Seconds as `h:mm:ss`, or days and hours from one day on. */
export function durationText(seconds: number, units: CountdownUnits): string {
	const s = Math.max(0, Math.floor(seconds));
	const days = Math.floor(s / 86_400);
	const hours = Math.floor((s % 86_400) / 3600);
	if (days > 0) return `${days}${units.day} ${pad(hours)}${units.hour}`;
	return `${hours}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
