#!/usr/bin/env node
/**
 * `npm test`: every test layer in order — vitest (unit + integration on PGlite and
 * PostgreSQL), then the production build, then Playwright in Debian's Chromium against it —
 * and one closing line with the totals over all layers: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(label, command, args, env = {}) {
	console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	return result.status ?? 1;
}

/** @param {string} file */
function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

let passed = 0;
let failed = 0;
let broken = 0;

// 1. unit + integration
const vitestStatus = run('unit + integration', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${out}/vitest.json`
]);
const vitest = readJson(`${out}/vitest.json`);
if (vitest) {
	passed += vitest.numPassedTests;
	// A spec file that fails to load has no failed tests of its own: count it as one failure.
	const unloaded = vitest.testResults.filter(
		(/** @type {{ status: string, assertionResults: unknown[] }} */ r) =>
			r.status === 'failed' && r.assertionResults.length === 0
	).length;
	failed += vitest.numFailedTests + unloaded;
}
if (vitestStatus !== 0 && (!vitest || failed === 0)) broken += 1;

// 2. build, 3. end to end
if (run('build', 'npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
	broken += 1;
} else {
	const e2eStatus = run('end to end', 'npx', ['playwright', 'test']);
	const pw = readJson(`${out}/playwright.json`);
	if (pw) {
		passed += pw.stats.expected + pw.stats.flaky;
		failed += pw.stats.unexpected;
	}
	if (e2eStatus !== 0 && (!pw || pw.stats.unexpected === 0)) broken += 1;
}

if (broken) console.log(`\n${broken} test layer(s) failed to run (see above)`);
console.log(`\n${passed} passed, ${failed + broken} failed`);
process.exit(failed + broken > 0 || !existsSync(`${out}/vitest.json`) ? 1 : 0);
