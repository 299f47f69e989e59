/**
 * Puts back what was typed before hydration (see static/keep-typed.js, loaded in app.html):
 * run once, after the root layout has hydrated, so every `value={…}` Svelte wrote while
 * hydrating is already written. An `input` event tells bound state about the restored value.
 */
type Typed = [HTMLInputElement | HTMLTextAreaElement, { value: string; checked: boolean }][];

export function restoreTyped(win: Window & { __sigapTyped?: () => Typed } = window): number {
	const fields = win.__sigapTyped?.() ?? [];
	let restored = 0;
	for (const [field, typed] of fields) {
		if (!field.isConnected) continue;
		const box = field instanceof HTMLInputElement && /^(checkbox|radio)$/.test(field.type);
		if (box ? field.checked === typed.checked : field.value === typed.value) continue;
		if (box) field.checked = typed.checked;
		else field.value = typed.value;
		field.dispatchEvent(new Event(box ? 'change' : 'input', { bubbles: true }));
		restored++;
	}
	return restored;
}
