// Keys that arrive together in a real terminal (typed ahead, a slow link, a fast typist): typed
// before the first frame they act once the list is there, in order, once each; editing keys in
// one read with text edit as if typed alone; and a key read with the one that asked a question
// never answers it.
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {destuiOn, injectFault, requestLog, sandbox, USER_KEY} from '../harness/e2e.js';
import {KEYS, sleep} from '../harness/terminal.js';

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('› ')) ?? '';

/** destui on the demo organisation, with the user's own "Field ops imagery" selected. */
async function onFieldOps() {
	const sb = await sandbox();
	const s = destuiOn(sb);
	await s.waitFor('11 of 11');
	await s.press('G');
	await s.waitFor((screen) => selected(screen).includes('Field ops imagery'));
	return {sb, s};
}

describe('keys read together', () => {
	for (const latency of [0, 400])
		it(`"jjj" typed 0.1 s after launch moves three rows once the list is there (start-up list in ${latency} ms more)`, async () => {
			const sb = await sandbox();
			if (latency) await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: latency});
			const s = destuiOn(sb);
			await sleep(100);
			await s.press('jjj');
			await s.waitFor((screen) => selected(screen).includes('São Paulo agronomy'));
			// Not applied twice: it stays there.
			await sleep(300);
			expect(selected(await s.screen())).toContain('São Paulo agronomy');
		});

	it('"G", "d" and "y", typed apart before the list is there: d asks once it is, and the y does not answer', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 1500});
		const s = destuiOn(sb);
		// The screen reads keys (each its own read) while the list is still on its way.
		await s.waitFor('Loading destinations');
		await s.press('G', 'd', 'y');
		await s.waitFor('Stop Field ops imagery being the organisation default?');
		// Nothing else is coming: the y was read long before the question (the list took 1.5 s more).
		await sleep(300);
		expect(await s.screen()).toContain('[y/N]');
		expect((await requestLog(sb)).filter((r) => r.path.includes('/default'))).toEqual([]);
		await s.press('n');
		await s.waitFor('Default unchanged.');
	});

	it('keys typed at the start-up placeholder, before the app has loaded, are not echoed and act in order once the list is there', async () => {
		const sb = await sandbox();
		await injectFault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 400});
		const s = destuiOn(sb);
		for (let i = 0; i < 2000 && !s.output().includes('loading…'); i++) await sleep(1);
		// One key per write, then Down as an escape sequence: read one by one or together, in order.
		await s.press('j', 'j', KEYS.down);
		await s.waitFor((screen) => selected(screen).includes('São Paulo agronomy'));
		// The terminal was already in raw mode: nothing typed was echoed over the screen.
		const beforeList = s.output().slice(0, s.output().indexOf('São Paulo agronomy'));
		expect(beforeList).not.toMatch(/jj|\^\[\[B/);
		await sleep(300);
		expect(selected(await s.screen())).toContain('São Paulo agronomy');
	});

	it('Ctrl-U and text in one read edit the rename prompt and the wizard as if typed alone', async () => {
		const {sb, s} = await onFieldOps();
		await s.press('r');
		await s.waitFor('Rename to: Field ops imagery');
		await s.press('\x15Field ops renamed\r');
		await s.waitFor('Renamed to Field ops renamed.');
		const api = createClient({apiKey: USER_KEY, baseUrl: sb.apiBase});
		expect((await api.list()).some((d) => d.name === 'Field ops renamed')).toBe(true);

		await s.press('n');
		await s.waitFor('step 1 of');
		await s.press(KEYS.enter);
		await s.waitFor('step 2 of');
		await s.press('junk\x15my-bucket\x01x\x05');
		await s.waitFor(/Bucket\s+xmy-bucket/);
	});

	it('a y sent with the Enter that asks "rotate?" does not rotate; a y typed after it does', async () => {
		const {sb, s} = await onFieldOps();
		await s.press('c');
		await s.waitFor('Rotate credentials · Field ops imagery');
		await s.type('FAKEKEYTOGETHER1');
		await s.press(KEYS.enter);
		await s.type('fake-secret-together-1');
		await s.press(KEYS.enter);
		await s.waitFor(/› Explicit SSE/);
		// Enter on the last field asks; the y in the same write must not answer.
		await s.press(`${KEYS.enter}y`);
		await s.waitFor('[ No ]');
		await sleep(300);
		expect(await s.screen()).toContain('[ No ]');
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH')).toEqual([]);
		await s.press('y');
		await s.waitFor('Credentials of Field ops imagery rotated');
		expect((await requestLog(sb)).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([200]);
	});
});
