/**
 * The instants at which cases next change state, earliest first (sla.md §States: transitions
 * at their instant): one timer for the earliest, however many cases are open. A binary
 * min-heap with lazy deletion: moving or removing a case leaves its old entry behind, skipped
 * when it surfaces because the case's current instant differs.
 */

interface Entry {
	at: number;
	id: string;
}

export class DueQueue {
	#heap: Entry[] = [];
	#current = new Map<string, number>();

	get size(): number {
		return this.#current.size;
	}

	/** Sets (or clears, with null) the next instant of case `id`. */
	set(id: string, at: number | null): void {
		if (at === null || !Number.isFinite(at)) {
			this.#current.delete(id);
			return;
		}
		if (this.#current.get(id) === at) return;
		this.#current.set(id, at);
		this.#push({ at, id });
		// Stale entries are dropped at the top; rebuild when they outnumber live ones.
		if (this.#heap.length > 64 && this.#heap.length > 4 * this.#current.size) this.#rebuild();
	}

	/** The earliest instant, or null when nothing is due ever. */
	peek(): number | null {
		this.#dropStale();
		return this.#heap[0]?.at ?? null;
	}

	/** Removes and returns the ids due at or before `now`, earliest first. */
	popDue(now: number): string[] {
		const due: string[] = [];
		for (;;) {
			this.#dropStale();
			const top = this.#heap[0];
			if (!top || top.at > now) return due;
			this.#pop();
			this.#current.delete(top.id);
			due.push(top.id);
		}
	}

	#dropStale(): void {
		while (this.#heap.length > 0) {
			const top = this.#heap[0]!;
			if (this.#current.get(top.id) === top.at) return;
			this.#pop();
		}
	}

	#rebuild(): void {
		this.#heap = [];
		for (const [id, at] of this.#current) this.#push({ at, id });
	}

	#push(e: Entry): void {
		const h = this.#heap;
		h.push(e);
		let i = h.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (h[parent]!.at <= e.at) break;
			h[i] = h[parent]!;
			i = parent;
		}
		h[i] = e;
	}

	#pop(): void {
		const h = this.#heap;
		const last = h.pop()!;
		if (h.length === 0) return;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= h.length) break;
			const r = l + 1;
			const c = r < h.length && h[r]!.at < h[l]!.at ? r : l;
			if (h[c]!.at >= last.at) break;
			h[i] = h[c]!;
			i = c;
		}
		h[i] = last;
	}
}
