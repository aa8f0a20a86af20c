// Fitting the detail lines into the pane beside (or below) the list. Every line gets one row
// first; rows left over go to the values people copy (the pl:ref and the delivery blocks), which
// then wrap in full instead of ending in "…", and after them to any other long value.
import type {DetailLine} from './detail.js';
import {cellWidth, splitCells, truncate, wrapLines} from './text.js';

export interface PaneRow {
	/** The label on a line's first row; '' on the rows a long value continues on. */
	label: string;
	text: string;
	/** The row spans the whole width, no label column (a value people copy, kept on one row). */
	full?: boolean;
}

export interface PaneLayout {
	labelWidth: number;
	rows: PaneRow[];
	/** Detail lines that did not fit at all (the pane then says Enter shows them). */
	hidden: number;
}

/** Most wanted first when there is room to show a long value in full. */
const WRAP_FIRST = ['pl:ref', 'Order', 'Subscription'];

/** A long value in pieces of the value column's width, cut between characters, never inside one. */
function chunks(text: string, width: number): string[] {
	const out = splitCells(text, width);
	return out.length > 0 ? out : [''];
}

/** Labels keep their length (a label cut short reads wrong) unless they would crowd out values. */
const labelWidthFor = (lines: readonly DetailLine[], width: number) =>
	Math.max(1, Math.min(Math.max(...lines.map((l) => cellWidth(l.label)), 1), Math.floor(width * 0.4)));

export function layoutDetail(lines: readonly DetailLine[], width: number, height: number): PaneLayout {
	const labelWidth = labelWidthFor(lines, width);
	const valueWidth = Math.max(1, width - labelWidth - 1);
	const label = (text: string) => truncate(text, labelWidth);
	if (lines.length > height) {
		const shown = lines.slice(0, Math.max(0, height - 1));
		return {
			labelWidth,
			rows: shown.map((l) => ({label: label(l.label), text: truncate(l.value, valueWidth)})),
			hidden: lines.length - shown.length,
		};
	}
	const expanded = new Set<number>();
	let spare = height - lines.length;
	const order = [...lines.keys()].sort((a, b) => rank(lines[a]!.label) - rank(lines[b]!.label) || a - b);
	for (const i of order) {
		const extra = chunks(lines[i]!.value, valueWidth).length - 1;
		if (extra > 0 && extra <= spare) {
			expanded.add(i);
			spare -= extra;
		}
	}
	const rows: PaneRow[] = [];
	lines.forEach((l, i) => {
		if (!expanded.has(i)) return void rows.push({label: label(l.label), text: truncate(l.value, valueWidth)});
		chunks(l.value, valueWidth).forEach((text, n) => rows.push({label: n === 0 ? label(l.label) : '', text}));
	});
	return {labelWidth, rows, hidden: 0};
}

function rank(label: string): number {
	const i = WRAP_FIRST.indexOf(label);
	return i === -1 ? WRAP_FIRST.length : i;
}

/** Every line in full, long values wrapped in their column: the full detail view, which scrolls.
 * A value without spaces (a ref, a delivery block) too long for its column but not for the
 * whole width goes on a row of its own below its label, so it can be selected and copied whole. */
export function wrapDetail(lines: readonly DetailLine[], width: number): PaneLayout {
	const labelWidth = labelWidthFor(lines, width);
	const valueWidth = Math.max(1, width - labelWidth - 1);
	const rows: PaneRow[] = [];
	for (const l of lines) {
		const length = cellWidth(l.value);
		if (!/\s/.test(l.value) && length > valueWidth && length <= width) {
			rows.push({label: truncate(l.label, labelWidth), text: ''}, {label: '', text: l.value, full: true});
			continue;
		}
		const wrapped = wrapLines(l.value, valueWidth);
		(wrapped.length > 0 ? wrapped : ['']).forEach((text, n) => rows.push({label: n === 0 ? truncate(l.label, labelWidth) : '', text}));
	}
	return {labelWidth, rows, hidden: 0};
}
