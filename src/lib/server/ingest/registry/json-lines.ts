/**
 * The line on which each element of a JSON text's top-level array starts (or of the array under
 * the top-level object's first array value), so problems in a JSON export name a line like a
 * CSV's. Scans strings and escapes; the text is already known to be valid JSON.
 */
export function jsonArrayLines(text: string): number[] {
	const lines: number[] = [];
	let line = 1;
	let depth = 0;
	let arrayDepth = -1;
	let inString = false;
	let expectElement = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\n') line++;
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (/\s/.test(c)) continue;
		if (expectElement && c !== ']') {
			lines.push(line);
			expectElement = false;
		}
		if (c === '"') inString = true;
		else if (c === '[' || c === '{') {
			depth++;
			if (c === '[' && arrayDepth < 0) {
				arrayDepth = depth;
				expectElement = true;
			}
		} else if (c === ']' || c === '}') {
			if (depth === arrayDepth) return lines;
			depth--;
		} else if (c === ',' && depth === arrayDepth) expectElement = true;
	}
	return lines;
}
