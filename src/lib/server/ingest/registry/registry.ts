/**
 * Where cooperatives come from. Today a Simkopdes export file (`FileCooperativeRegistry`);
 * a live Simkopdes API client implements the same interface and the import service, the
 * table and the lookups stay as they are.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRegistry, type RegistryRead } from './parse';

export interface CooperativeRegistry {
	/** Names the registry in messages and in `cooperatives.imported_from` (`file:coops.csv`). */
	readonly name: string;
	/** Every cooperative the registry lists now, with what could not be read (by line). */
	read(): Promise<RegistryRead>;
}

/** A CSV or JSON export on disk (format told by its first character: `[`/`{` is JSON). */
export class FileCooperativeRegistry implements CooperativeRegistry {
	readonly name: string;

	constructor(private readonly file: string) {
		this.name = `file:${path.basename(file)}`;
	}

	async read(): Promise<RegistryRead> {
		let text: string;
		try {
			text = await readFile(this.file, 'utf8');
		} catch (error) {
			return {
				records: [],
				problems: [{ line: null, message: `cannot read: ${(error as Error).message}` }]
			};
		}
		return parseRegistry(text);
	}
}
