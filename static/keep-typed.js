// What a person types before the page's JavaScript has taken over (hydration) would be lost:
// Svelte 5 writes each input's `value={…}` once while hydrating, over what was typed, and a
// required field left empty then blocks the form. This file loads before the page body and
// remembers every field changed until then; the root layout (src/lib/live/keep-typed.ts)
// puts those values back right after hydration. Plain script: CSP `script-src 'self'`.
(() => {
	const changed = new Map();
	const remember = (event) => {
		const field = event.target;
		if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
		changed.set(field, { value: field.value, checked: field.checked });
	};
	document.addEventListener('input', remember, true);
	document.addEventListener('change', remember, true);
	window.__sigapTyped = () => {
		document.removeEventListener('input', remember, true);
		document.removeEventListener('change', remember, true);
		const fields = [...changed];
		changed.clear();
		return fields;
	};
})();
