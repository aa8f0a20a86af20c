import {describe, expect, test} from 'vitest';
import {columnsFor, formatRow, headerRow, toRow, typeLabel} from '../../src/view/rows.js';
import {pad, truncate, wrapLines} from '../../src/view/text.js';
import {listWindow, scrollWindow} from '../../src/view/list-window.js';
import {readableTime, relativeTime} from '../../src/view/time.js';
import {dest} from './view-fixtures.js';

const NOW = Date.parse('2025-07-13T09:01:02Z');

describe('rows', () => {
	test('a row holds cleaned text: name, short type, bucket, owner, flags, age', () => {
		const r = toRow(dest({name: 'x\u001b[2Jy\u0007', default: true}), NOW);
		expect(r).toEqual({
			id: 'field-ops-AAAAAAAAAAAAAAAAAAAAA',
			name: 'x[2Jy',
			type: 'S3',
			location: 'acme-field-ops',
			owner: 'me',
			flags: '★ default',
			time: 'just now',
		});
		expect(toRow(dest({owner: false, archived: '2025-07-01T00:00:00Z', default: true}), NOW)).toMatchObject({
			owner: 'other',
			flags: 'archived',
		});
		expect(toRow(dest({type: 'azure_blob_storage', parameters: {account: 'acct', container: 'box'}}), NOW).location).toBe('acct/box');
	});

	test('an unknown type is shown as sent, cleaned', () => {
		expect(typeLabel('ftp\u001b]0;x\u0007')).toBe('ftp]0;x');
		expect(typeLabel('amazon_s3', true)).toBe('Amazon S3');
	});

	test('columns fill the width exactly and long cells are cut with …', () => {
		for (const width of [60, 80, 100, 160]) {
			const c = columnsFor(width);
			const line = `  ${formatRow(toRow(dest({name: 'n'.repeat(200), parameters: {bucket: 'b'.repeat(200), aws_region: 'us-west-2'}}), NOW), c)}`;
			expect([...line].length).toBe(width);
			expect(line).toContain('n…');
			// At 60 columns the bucket column is left out (the detail pane shows it).
			if (width > 60) expect(line).toContain('b…');
			expect([...`  ${headerRow(c)}`].length).toBe(width);
		}
		expect(headerRow(columnsFor(100))).toMatch(/^NAME\s+TYPE\s+BUCKET\s+OWNER\s+UPDATED\s*$/);
	});

	test('a very narrow list keeps a usable name column', () => {
		expect(columnsFor(20).name).toBeGreaterThanOrEqual(4);
	});

	test('the name comes first: at 60 columns it takes what the bucket would have, never less than the fixed columns', () => {
		const c60 = columnsFor(60);
		expect(c60.location).toBe(0);
		expect(c60.name).toBeGreaterThanOrEqual(16);
		for (const fixed of [c60.type, c60.owner, c60.flags, c60.time]) expect(c60.name).toBeGreaterThan(fixed);
		expect(headerRow(c60)).toMatch(/^NAME\s+TYPE\s+OWNER\s+UPDATED\s*$/);
		// From 80 columns the bucket is back, the name at least 20 cells and never narrower than the bucket.
		for (const width of [80, 100, 160]) {
			const c = columnsFor(width);
			expect(c.location).toBeGreaterThanOrEqual(8);
			expect(c.name).toBeGreaterThanOrEqual(Math.max(20, c.location));
		}
	});
});

describe('text', () => {
	test('truncate and pad count terminal cells, not UTF-16 units', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('abc', 3)).toBe('abc');
		expect(truncate('abc', 1)).toBe('…');
		expect(truncate('abc', 0)).toBe('');
		expect(truncate('😀😀😀', 3)).toBe('😀…');
		expect(truncate('😀😀😀', 2)).toBe('…');
		expect(pad('ab', 4)).toBe('ab  ');
		expect(pad('abcdef', 4)).toBe('abc…');
		expect(pad('😀😀😀', 4)).toBe('😀… ');
	});

	test('wrapLines wraps words, breaks long ones, and ends a cut message with …', () => {
		expect(wrapLines('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
		expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrapLines('one two three four five six', 9, 2)).toEqual(['one two', 'three fo…']);
		for (const l of wrapLines('x '.repeat(100), 13, 5)) expect([...l].length).toBeLessThanOrEqual(13);
		expect(wrapLines('', 10)).toEqual([]);
	});
});

describe('list window', () => {
	test('everything when it fits', () => {
		expect(listWindow(5, 3, 10)).toEqual({top: 0, end: 5});
		expect(listWindow(0, 0, 10)).toEqual({top: 0, end: 0});
	});

	test('follows the cursor down and up, keeping the window still while the cursor is inside it', () => {
		expect(listWindow(100, 0, 10)).toEqual({top: 0, end: 10});
		expect(listWindow(100, 9, 10, 0)).toEqual({top: 0, end: 10});
		expect(listWindow(100, 10, 10, 0)).toEqual({top: 1, end: 11});
		expect(listWindow(100, 50, 10, 1)).toEqual({top: 41, end: 51});
		expect(listWindow(100, 45, 10, 41)).toEqual({top: 41, end: 51});
		expect(listWindow(100, 40, 10, 41)).toEqual({top: 40, end: 50});
		expect(listWindow(100, 99, 10, 0)).toEqual({top: 90, end: 100});
	});

	test('a shrunken list pulls the window back so it stays full', () => {
		expect(listWindow(20, 5, 10, 50)).toEqual({top: 5, end: 15});
		expect(listWindow(12, 11, 10, 50)).toEqual({top: 2, end: 12});
	});

	test('never renders more rows than fit, whatever the list size', () => {
		for (const total of [10, 1000, 100_000])
			for (const cursor of [0, total >> 1, total - 1]) {
				const w = listWindow(total, cursor, 13);
				expect(w.end - w.top).toBe(Math.min(13, total));
				expect(cursor).toBeGreaterThanOrEqual(w.top);
				expect(cursor).toBeLessThan(w.end);
			}
	});
});

describe('time', () => {
	test('relative ages and readable UTC times', () => {
		expect(relativeTime('2025-07-13T09:00:30Z', NOW)).toBe('just now');
		expect(relativeTime('2025-07-13T08:00:00Z', NOW)).toBe('1h ago');
		expect(relativeTime('2025-07-10T09:00:00Z', NOW)).toBe('3d ago');
		expect(relativeTime('2024-07-01T09:00:00Z', NOW)).toBe('1y ago');
		expect(relativeTime('nonsense', NOW)).toBe('?');
		expect(relativeTime(null, NOW)).toBe('');
		expect(readableTime('2025-06-02T13:14:15.123456789Z')).toBe('2025-06-02 13:14:15 UTC');
		expect(readableTime(undefined)).toBe('—');
	});
});

describe('scrollWindow', () => {
	test('shows everything when it fits, and keeps a row for "more" when it does not', () => {
		expect(scrollWindow(5, 10, 0)).toEqual({first: 0, end: 5, scrolls: false, maxTop: 0, below: 0});
		expect(scrollWindow(20, 10, 0)).toEqual({first: 0, end: 9, scrolls: true, maxTop: 11, below: 11});
		expect(scrollWindow(20, 10, 50)).toEqual({first: 11, end: 20, scrolls: true, maxTop: 11, below: 0});
		expect(scrollWindow(20, 10, -3)).toMatchObject({first: 0});
	});
});
