/** Polls `check` until it holds; fails naming `what` after `ms` (the tests' one waiting loop). */
export async function until(
	what: string,
	check: () => boolean | Promise<boolean>,
	ms = 10_000
): Promise<void> {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}
