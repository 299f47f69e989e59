/**
 * The running server's view of the cooperative registry: manager phone (E.164) → place
 * (domain/registry.ts), in memory. The import runs in another process (the CLI), so the
 * server polls the registry's version every RELOAD_MS and reloads when it changed: a
 * re-import is picked up within a minute, without a restart.
 */
import type { ContactEvent, RegistryPlace } from '../../domain/events';
import { toE164 } from '../../domain/phone';
import { enrichFromRegistry, placeOf, type RegisteredCooperative } from '../../domain/registry';

export const RELOAD_MS = 60_000;

export interface CooperativeDirectoryDeps {
	load(): Promise<{ phone: string; id: string; villageCode: string }[]>;
	version(): Promise<string>;
	log?(line: string): void;
}

export class CooperativeDirectory {
	#places = new Map<string, RegistryPlace>();
	#version: string | null = null;
	#timer: ReturnType<typeof setInterval> | null = null;
	#inflight: Promise<unknown> | null = null;

	constructor(private readonly deps: CooperativeDirectoryDeps) {}

	/** Loads now, then checks for a re-import every `reloadMs`. */
	async start(reloadMs = RELOAD_MS): Promise<void> {
		await this.refresh();
		this.#timer = setInterval(() => {
			if (this.#inflight) return;
			this.#inflight = this.refresh()
				.catch((error) =>
					this.deps.log?.(`sigap: cooperative registry reload failed: ${(error as Error).message}`)
				)
				.finally(() => (this.#inflight = null));
		}, reloadMs);
		this.#timer.unref();
	}

	/** Stops polling; resolves once a reload in flight is done (before the database closes). */
	async stop(): Promise<void> {
		if (this.#timer) clearInterval(this.#timer);
		await this.#inflight;
	}

	/** Reloads when the stored registry changed; true when it did. */
	async refresh(): Promise<boolean> {
		const version = await this.deps.version();
		if (version === this.#version) return false;
		const byPhone = new Map<string, RegisteredCooperative[]>();
		for (const row of await this.deps.load()) {
			const list = byPhone.get(row.phone) ?? [];
			list.push({ id: row.id, villageCode: row.villageCode });
			byPhone.set(row.phone, list);
		}
		const places = new Map<string, RegistryPlace>();
		for (const [phone, list] of byPhone) {
			const place = placeOf(list);
			if (place) places.set(phone, place);
		}
		this.#places = places;
		this.#version = version;
		return true;
	}

	get size(): number {
		return this.#places.size;
	}

	/** The place of a phone number as any source writes it, or null. */
	placeOf(phone: string): RegistryPlace | null {
		const e164 = toE164(phone);
		return e164 ? (this.#places.get(e164) ?? null) : null;
	}

	/** Ingest enrichment of PBX calls (the chat adapters place their senders themselves). */
	enrich = (event: ContactEvent): ContactEvent =>
		enrichFromRegistry(event, (p) => this.#places.get(p) ?? null);
}
