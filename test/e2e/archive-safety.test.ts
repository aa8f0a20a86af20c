// Archiving what is in use, in a real terminal against a sandbox (issue 11 items 1-2): the
// default and a destination subscriptions deliver to are archived only after a y/N that says so;
// the look-up costs one request and is remembered; u brings back both the destination and the default.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {destuiOn, requestLog, sandbox} from '../harness/e2e.js';
import {ADMIN_KEY} from '../harness/fixtures.js';
import {KEYS} from '../harness/terminal.js';

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('› ')) ?? '';
const flat = (screen: string) => screen.replace(/\n/g, ' ');

describe('archive asks first when something is at stake', () => {
	it('the default: y/N naming the consequence and its subscriptions; n changes nothing; y archives; u restores both', async () => {
		const sb = await sandbox();
		const api = createClient({apiKey: ADMIN_KEY, baseUrl: sb.origin, requestsPerSecond: Infinity});
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		await s.press('G');
		await s.waitFor((sc) => selected(sc).includes('Field ops imagery'));
		await s.press('a');
		const asked = flat(await s.waitFor('[y/N]'));
		expect(asked).toMatch(
			/Field ops imagery is the organisation's default: archiving it leaves your organisation with no default\. 2 active subscriptions deliver to it\. Archive it anyway\? \[y\/N\]/,
		);
		await s.press('n');
		await s.waitFor('Not archived: Field ops imagery is as it was.');
		expect((await api.getDefault())?.name).toBe('Field ops imagery');

		await s.press('a');
		await s.waitFor('[y/N]');
		await s.press('y');
		await s.waitFor('Archived Field ops imagery: your organisation has no default now (u undoes both).');
		expect(await api.getDefault()).toBeNull();
		await s.press('u');
		await s.waitFor("Undone: Field ops imagery is active and your organisation's default again.");
		expect((await api.getDefault())?.name).toBe('Field ops imagery');
		const changes = (await requestLog(sb))
			.filter((r) => r.user === 'user')
			.map((r) => `${r.method} ${r.path.replace(/field-ops-imagery-\w+/, 'ID')}`);
		// One look-up for both questions, the archive, and the undo's two requests.
		expect(changes.slice(1)).toEqual([
			'GET /subscriptions/v1',
			'PATCH /destinations/v1/ID',
			'PATCH /destinations/v1/ID',
			'PUT /destinations/v1/default',
		]);
	});

	it('in use: says how many subscriptions deliver there; Esc while it looks up archives nothing', async () => {
		const sb = await sandbox();
		const s = destuiOn(sb);
		await s.waitFor('11 of 11');
		await s.press('/');
		await s.type('São');
		await s.press(KEYS.enter);
		await s.waitFor((sc) => selected(sc).includes('São Paulo agronomy') && !sc.includes('Enter keep'));
		await s.press('a');
		expect(flat(await s.waitFor('[y/N]'))).toContain('1 active subscription delivers to São Paulo agronomy. Archive it anyway? [y/N]');
		await s.press('y');
		await s.waitFor('Archived São Paulo agronomy. Press u to undo.');
		await s.press('u');
		await s.waitFor('Undone: São Paulo agronomy is active again.');
		await s.press(KEYS.esc);
		await s.waitFor('11 of 11');

		// A slow look-up: Esc stops waiting, and nothing is archived.
		await fetch(`${sb.origin}/_sandbox/faults`, {
			method: 'POST',
			body: JSON.stringify({path: '/subscriptions/v1', latency_ms: 1500, count: 1}),
		});
		await s.press('g', 'j');
		await s.waitFor((sc) => selected(sc).includes('Legacy exports'));
		await s.press('a');
		await s.waitFor("before archiving… (Esc don't archive)");
		await s.press(KEYS.esc);
		await s.waitFor('Not archived: ');
		await new Promise((r) => setTimeout(r, 1700));
		expect(await s.screen()).toContain('11 of 11');
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH')).toHaveLength(2);
	});
});
