/** Series the trend charts draw. */
export interface LineSeries {
	label: string;
	data: (number | null)[];
	color: string;
	dash?: number[];
}

export interface BarSeries {
	label: string;
	data: (number | null)[];
	color: string;
}

/** Okabe–Ito colours (colour-blind safe), one per channel, plus the total. */
export const CHANNEL_COLOURS = {
	call: '#0072B2',
	chat: '#E69F00',
	ticket: '#009E73',
	total: '#1a1f24'
} as const;

/** A table cell: its text, and a resolved link to what is behind the number. */
export interface TableCell {
	text: string;
	href?: string;
	testid?: string;
	numeric?: boolean;
}

/** A province tile: its value, the value written out, and the drill-down link. */
export interface GridCell {
	code: string;
	name: string;
	value: number | null;
	text: string;
	href: string;
}
