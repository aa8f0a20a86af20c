import {describe, expect, test} from 'vitest';
import {PROVIDERS, secretKeys} from '../../src/catalogue/providers.js';
import {detailLines, HIDDEN} from '../../src/view/detail.js';
import {dest} from './view-fixtures.js';

const value = (lines: {label: string; value: string}[], label: string) => lines.find((l) => l.label === label)?.value;

describe('detail lines', () => {
	test('every provider: secrets read "stored (hidden)", never their value, even if a server sent it in clear', () => {
		for (const p of PROVIDERS) {
			const parameters: Record<string, string | boolean> = {};
			for (const f of p.fields) parameters[f.key] = f.kind === 'boolean' ? true : `visible-${f.key}`;
			for (const k of secretKeys(p.type)) parameters[k] = `leaked-secret-${k}`;
			const lines = detailLines(dest({type: p.type, parameters}));
			const text = JSON.stringify(lines);
			expect(text).not.toContain('leaked-secret');
			for (const f of p.fields) {
				if (f.secret) expect(value(lines, f.label)).toBe(HIDDEN);
				else if (f.kind === 'boolean') expect(value(lines, f.label)).toBe('yes');
				else expect(value(lines, f.label)).toBe(`visible-${f.key}`);
			}
		}
		expect(HIDDEN).toBe('stored (hidden)');
	});

	test('a secret the server left out still says one is stored; an unknown type hides redacted values', () => {
		const lines = detailLines(dest({parameters: {bucket: 'b', aws_region: 'us-west-2', aws_access_key_id: 'K'}}));
		expect(value(lines, 'Secret access key')).toBe(HIDDEN);
		const odd = detailLines(dest({type: 'ftp', parameters: {host: 'h\u001b[2J', password: '<REDACTED>', nested: {a: 1}}}));
		expect(value(odd, 'password')).toBe(HIDDEN);
		expect(value(odd, 'host')).toBe('h[2J');
		expect(value(odd, 'nested')).toBe('{"a":1}');
		expect(value(odd, 'Type')).toBe('ftp');
	});

	test('name, ref, ownership, default, times and the delivery blocks to paste', () => {
		const ref = 'pl:destinations/field-ops-AAAAAAAAAAAAAAAAAAAAA';
		const lines = detailLines(dest({name: 'A\u0007B', default: true, owner: false, write: false}));
		expect(lines.map((l) => l.label)).toEqual([
			'Name',
			'Type',
			'Bucket',
			'Region',
			'Access key ID',
			'Secret access key',
			'pl:ref',
			'Owner',
			'Permissions',
			'Default',
			'Created',
			'Updated',
			'Archived',
			'Order',
			'Subscription',
		]);
		expect(value(lines, 'Name')).toBe('AB');
		expect(value(lines, 'pl:ref')).toBe(ref);
		expect(value(lines, 'Owner')).toBe('someone else (user 730002)');
		expect(value(lines, 'Permissions')).toMatch(/read-only for you/);
		expect(value(lines, 'Default')).toMatch(/^yes/);
		expect(value(lines, 'Created')).toBe('2025-06-02 13:14:15 UTC');
		expect(value(lines, 'Archived')).toBe('no');
		expect(JSON.parse(value(lines, 'Order')!)).toEqual({delivery: {destination: {ref}}});
		expect(JSON.parse(value(lines, 'Subscription')!)).toEqual({delivery: {type: 'destination', parameters: {ref}}});
		for (const l of lines) expect(l.value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});
