import {describe, expect, test} from 'vitest';
import {detailLines} from '../../src/view/detail.js';
import {layoutDetail, wrapDetail, type PaneLayout} from '../../src/view/detail-layout.js';
import {dest} from './view-fixtures.js';

/** A line's value as the pane shows it: its first row and the rows it continues on, joined. */
function valueOf(layout: PaneLayout, label: string): string {
	const start = layout.rows.findIndex((r) => r.label === label);
	if (start === -1) throw new Error(`no ${label} row`);
	let text = layout.rows[start]!.text;
	for (let i = start + 1; i < layout.rows.length && layout.rows[i]!.label === ''; i++) text += layout.rows[i]!.text;
	return text;
}

const cells = (s: string) => [...s].length;

describe('detail pane layout', () => {
	const lines = detailLines(dest({'pl:ref': 'pl:destinations/a-rather-long-destination-name-for-wrapping-5aIp1Kiqd76pOK4lWDy1Y'}));
	const ref = lines.find((l) => l.label === 'pl:ref')!.value;
	const order = lines.find((l) => l.label === 'Order')!.value;
	const subscription = lines.find((l) => l.label === 'Subscription')!.value;

	test('with room, the pl:ref and both delivery blocks are shown in full (wrapped), never cut short', () => {
		const layout = layoutDetail(lines, 50, 40);
		expect(layout.hidden).toBe(0);
		expect(valueOf(layout, 'pl:ref')).toBe(ref);
		expect(valueOf(layout, 'Order')).toBe(order);
		expect(valueOf(layout, 'Subscription')).toBe(subscription);
		for (const r of layout.rows) expect(layout.labelWidth + 1 + cells(r.text)).toBeLessThanOrEqual(50);
		expect(layout.rows.length).toBeLessThanOrEqual(40);
	});

	test('the rows never outnumber the height; spare rows go to the pl:ref first, then the order block', () => {
		const oneEach = layoutDetail(lines, 50, lines.length);
		expect(oneEach.rows).toHaveLength(lines.length);
		expect(valueOf(oneEach, 'pl:ref')).toMatch(/…$/);

		const refRows = Math.ceil(cells(ref) / (50 - oneEach.labelWidth - 1));
		const some = layoutDetail(lines, 50, lines.length + refRows - 1);
		expect(some.rows.length).toBeLessThanOrEqual(lines.length + refRows - 1);
		expect(valueOf(some, 'pl:ref')).toBe(ref);
		expect(valueOf(some, 'Order')).toMatch(/…$/);
	});

	test('too many lines for the height: the first ones, one row each, and how many are left for Enter', () => {
		const layout = layoutDetail(lines, 80, 6);
		expect(layout.rows).toHaveLength(5);
		expect(layout.hidden).toBe(lines.length - 5);
		expect(layout.rows.map((r) => r.label)).toEqual(lines.slice(0, 5).map((l) => l.label));
	});

	test('labels line up: every row starts its value in the same column, long labels are cut in narrow panes', () => {
		const s3 = detailLines(
			dest({
				parameters: {bucket: 'b', aws_region: 'us-west-2', aws_access_key_id: 'K', aws_secret_access_key: '<REDACTED>', explicit_sse: true},
			}),
		);
		const wide = layoutDetail(s3, 100, 40);
		expect(wide.labelWidth).toBe(Math.max(...s3.map((l) => cells(l.label))));
		const narrow = layoutDetail(s3, 40, 40);
		expect(narrow.labelWidth).toBe(16);
		for (const r of narrow.rows) expect(cells(r.label)).toBeLessThanOrEqual(16);
		expect(narrow.rows.some((r) => r.label.endsWith('…'))).toBe(true);
	});
});

describe('full detail view layout', () => {
	test('every line in full: values wrap in their column within the width, and read back whole', () => {
		const lines = detailLines(dest({'pl:ref': 'pl:destinations/a-rather-long-destination-name-for-wrapping-5aIp1Kiqd76pOK4lWDy1Y'}));
		for (const width of [40, 80, 120]) {
			const layout = wrapDetail(lines, width);
			expect(layout.rows.filter((r) => r.label !== '').map((r) => r.label)).toEqual(
				lines.map((l) => truncLabel(l.label, layout.labelWidth)),
			);
			for (const r of layout.rows) expect((r.full ? 0 : layout.labelWidth + 1) + cells(r.text)).toBeLessThanOrEqual(width);
			for (const l of lines.filter((x) => !/\s/.test(x.value)))
				expect(valueOf(layout, truncLabel(l.label, layout.labelWidth))).toBe(l.value);
		}
	});

	test('a delivery block too long for its column but not for the width gets a whole row of its own', () => {
		const lines = detailLines(dest());
		const order = lines.find((l) => l.label === 'Order')!.value;
		const width = cells(order) + 2;
		const layout = wrapDetail(lines, width);
		const at = layout.rows.findIndex((r) => r.label === 'Order');
		expect(layout.rows[at]!.text).toBe('');
		expect(layout.rows[at + 1]).toEqual({label: '', text: order, full: true});
		// Narrower than the block itself: it wraps in its column instead (fewer rows).
		const narrow = wrapDetail(lines, cells(order) - 10);
		expect(narrow.rows.some((r) => r.full && r.text.startsWith('{"delivery":{"destination"'))).toBe(false);
		expect(valueOf(narrow, 'Order')).toBe(order);
	});
});

function truncLabel(label: string, width: number): string {
	return [...label].length <= width ? label : `${[...label].slice(0, width - 1).join('')}…`;
}
