/**
 * A clock whose time only moves when a test says so, with one-shot timers at instants of that
 * clock (container `Clock.setTimer`): `advanceTo(t)` fires every timer due by `t`, in instant
 * order, each at its own instant — so a test sees a transition happen exactly when it is due.
 */
export class FakeTimers {
	#timers: { at: number; fn: () => void; id: number }[] = [];
	#next = 0;

	constructor(public t: number) {}

	now = (): number => this.t;

	setTimer = (at: number, fn: () => void): (() => void) => {
		const id = this.#next++;
		this.#timers.push({ at, fn, id });
		return () => {
			this.#timers = this.#timers.filter((x) => x.id !== id);
		};
	};

	/** The earliest pending timer instant, or null. */
	get nextAt(): number | null {
		return this.#timers.length ? Math.min(...this.#timers.map((x) => x.at)) : null;
	}

	/**
	 * Moves time to `t`, firing due timers one by one at their instants; `settle` runs after each
	 * (await the scheduler's work there, so timers it re-arms are seen).
	 */
	async advanceTo(t: number, settle: () => Promise<void> = async () => {}): Promise<void> {
		for (;;) {
			const due = this.#timers
				.filter((x) => x.at <= t)
				.sort((a, b) => a.at - b.at || a.id - b.id)[0];
			if (!due) break;
			this.#timers = this.#timers.filter((x) => x !== due);
			this.t = Math.max(this.t, due.at);
			due.fn();
			await settle();
		}
		this.t = t;
		await settle();
	}
}
