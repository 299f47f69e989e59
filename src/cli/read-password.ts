/**
 * A password for `sigap user create`: typed at a hidden prompt (twice) on a terminal, or the
 * first line of standard input when piped (`echo "$PW" | npx sigap user create …`). Signing in
 * to a running server (`--url`) asks once.
 */
import { createInterface } from 'node:readline';
import { CliError } from './errors';

async function firstLine(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function hiddenPrompt(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
		const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
		(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
			// Echo the prompt, not the characters typed.
			if (s.startsWith(question)) write.call(rl, question);
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stderr.write('\n');
			resolve(answer);
		});
	});
}

export async function readPassword(): Promise<string> {
	if (!process.stdin.isTTY) {
		const line = await firstLine();
		if (!line)
			throw new CliError(
				'password: give it on standard input (first line), or run on a terminal to be prompted'
			);
		return line;
	}
	const first = await hiddenPrompt('Password (at least 10 characters): ');
	const again = await hiddenPrompt('Password again: ');
	if (first !== again) throw new CliError('password: the two entries differ');
	return first;
}

/** A password asked once (signing in, not choosing one): a hidden prompt, or stdin's first line. */
export async function readPasswordOnce(question = 'Password: '): Promise<string> {
	const password = process.stdin.isTTY ? await hiddenPrompt(question) : await firstLine();
	if (!password)
		throw new CliError(
			'password: give it on standard input (first line), or run on a terminal to be prompted'
		);
	return password;
}
