// Main screen, quick actions against a real sandbox: archive, unarchive, undo, rename, default,
// copy; each costs exactly one request, checked in the sandbox's log and in its state; failures
// roll back visibly and keep what the user typed.
import {describe, expect, test} from 'vitest';
import {
	clearRequests,
	clientFor,
	counts,
	fault,
	mountScreen,
	press,
	requests,
	selectedLine,
	sent,
	settle,
	type,
	waitFrame,
	type Screen,
} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

/** Moves the cursor to the row named `name` (from the top, one j at a time). */
async function select(s: Screen, name: string): Promise<void> {
	await press(s, 'g');
	for (let i = 0; i < 60 && !selectedLine(s.frame()).slice(2).startsWith(name); i++) await press(s, 'j');
	expect(selectedLine(s.frame()).slice(2)).toMatch(new RegExp(`^${name.replace(/[()]/g, '\\$&')}\\s`));
}

async function byName(s: Screen, name: string) {
	const api = clientFor(s.sb);
	const all = [...(await api.list({})), ...(await api.list({archived: true}))];
	return all.find((d) => d.name === name);
}

/** The log since `before`, as "METHOD path status". */
async function sentSince(s: Screen, before: number): Promise<string[]> {
	return (await requests(s.sb)).filter((r) => r.seq > before).map((r) => `${r.method} ${r.path} ${r.status}`);
}

async function lastSeq(s: Screen): Promise<number> {
	return (await requests(s.sb)).at(-1)?.seq ?? 0;
}

/** The frame with wrapped lines joined, to read a message that spans rows. */
const flat = (frame: string) => frame.replace(/\n/g, ' ');

const rowOf = (frame: string, name: string) => frame.split('\n').find((l) => l.slice(2).startsWith(name)) ?? '';

describe('a archive, u undo', () => {
	test('archive: one look-up of what delivers there, then (nothing does) the row goes at once with one PATCH; undo brings it back with one PATCH', async () => {
		const s = await mountScreen();
		const analytics = (await byName(s, 'analytics-raw'))!;
		const id = analytics.id;
		await clearRequests(s.sb);
		await select(s, 'analytics-raw');
		await fault(s.sb, {count: 1, methods: ['PATCH'], latency_ms: 400});
		await press(s, 'a');
		// Optimistic: gone from the active list before the server answers.
		const gone = await waitFrame(s, (f) => !f.includes('analytics-raw '));
		expect(gone).not.toContain('Archived analytics-raw');
		await waitFrame(s, '✓ Archived analytics-raw. Press u to undo.');
		await settle(s);
		expect(await sent(s.sb)).toEqual([
			`GET /subscriptions/v1?destination_ref=${encodeURIComponent(analytics['pl:ref'])}&page_size=500`,
			`PATCH /destinations/v1/${id}`,
		]);
		expect(counts(s.frame()).shown).toBe(10);
		const seq = await lastSeq(s);
		expect((await byName(s, 'analytics-raw'))!.archived).not.toBeNull();

		const before = await lastSeq(s);
		expect(before).toBeGreaterThan(seq);
		await press(s, 'u');
		await waitFrame(s, '✓ Undone: analytics-raw is active again.');
		await settle(s);
		expect(await sentSince(s, before)).toEqual([`PATCH /destinations/v1/${id} 200`]);
		expect(rowOf(s.frame(), 'analytics-raw')).not.toBe('');
		expect(counts(s.frame()).shown).toBe(11);
		expect((await byName(s, 'analytics-raw'))!.archived).toBeNull();

		// Nothing left to undo: u says so, and sends nothing.
		const after = await lastSeq(s);
		await press(s, 'u');
		expect(s.frame()).toContain("✗ Can't do that: nothing to undo.");
		await settle(s);
		expect(await sentSince(s, after)).toEqual([]);
	});

	test('unarchive an archived destination (shown with 1) with one PATCH; undo archives it again', async () => {
		const s = await mountScreen();
		await press(s, '1', '1');
		await waitFrame(s, '2 of 13');
		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1', 'GET /destinations/v1?archived=true']);
		await select(s, 'Crop monitoring 2025');
		expect(selectedLine(s.frame())).toContain('archived');
		const before = await lastSeq(s);
		await press(s, 'a');
		await waitFrame(s, '✓ Unarchived Crop monitoring 2025. Press u to undo.');
		await settle(s);
		const log = await sentSince(s, before);
		const crop = (await byName(s, 'Crop monitoring 2025'))!;
		expect(crop.archived).toBeNull();
		expect(log).toEqual([`PATCH /destinations/v1/${crop.id} 200`]);
		// With "archived: yes" it has left the list.
		expect(counts(s.frame())).toEqual({shown: 1, total: 13});

		const again = await lastSeq(s);
		await press(s, 'u');
		await waitFrame(s, '✓ Undone: Crop monitoring 2025 is archived again.');
		await settle(s);
		expect(await sentSince(s, again)).toEqual([`PATCH /destinations/v1/${crop.id} 200`]);
		await clearRequests(s.sb);
		expect((await byName(s, 'Crop monitoring 2025'))!.archived).not.toBeNull();
		expect(counts(s.frame())).toEqual({shown: 2, total: 13});
	});

	test("a failed archive rolls back visibly, with the server's reason, and changes nothing", async () => {
		const s = await mountScreen();
		// Show archived ones too, so the row stays on screen while it changes and changes back.
		await press(s, '1');
		await waitFrame(s, '13 of 13');
		await settle(s);
		await select(s, 'analytics-raw');
		expect(rowOf(s.frame(), 'analytics-raw')).not.toContain('archived');
		await fault(s.sb, {count: 1, methods: ['PATCH'], status: 500, latency_ms: 300});
		const before = await lastSeq(s);
		const framesBefore = s.frames().length;
		await press(s, 'a');
		// First the row changes (once the look-up found nothing delivering there)...
		await waitFrame(s, (f) => rowOf(f, 'analytics-raw').includes('archived'));
		// ...then the server says no, and it is back as it was.
		const f = await waitFrame(s, 'failed, so it is back as it was');
		expect(rowOf(f, 'analytics-raw')).not.toContain('archived');
		expect(f).toContain('✗ Archiving analytics-raw failed, so it is back as it was.');
		expect(flat(f)).toContain('The server said: Internal Server Error');
		const seen = s.frames().slice(framesBefore);
		const firstChanged = seen.findIndex((fr) => rowOf(fr, 'analytics-raw').includes('archived'));
		const restored = seen.findIndex((fr, i) => i > firstChanged && !rowOf(fr, 'analytics-raw').includes('archived'));
		expect(firstChanged).toBeGreaterThanOrEqual(0);
		expect(restored).toBeGreaterThan(firstChanged);
		await settle(s);
		expect(await sentSince(s, before)).toEqual([
			'GET /subscriptions/v1 200',
			expect.stringMatching(/^PATCH \/destinations\/v1\/analytics-raw-\S+ 500$/),
		]);
		expect((await byName(s, 'analytics-raw'))!.archived).toBeNull();
		// Nothing to undo: the change never happened.
		await press(s, 'u');
		expect(s.frame()).toContain('nothing to undo');
		// The error stays until dismissed (Esc), unlike success toasts.
		await press(s, KEYS.esc);
		expect(s.frame()).not.toContain('failed, so it is back');
	});

	test('archiving the default asks first, naming the consequence and what delivers there; u brings back both', async () => {
		const s = await mountScreen();
		await press(s, '1');
		await waitFrame(s, '13 of 13');
		await select(s, 'Field ops imagery');
		expect(selectedLine(s.frame())).toContain('★ default');
		await settle(s);
		const asked = await lastSeq(s);
		await press(s, 'a');
		const q = flat(await waitFrame(s, '[y/N]'));
		expect(q).toMatch(
			/Field ops imagery is the organisation's default: archiving it leaves your organisation with no default\. 2 active subscriptions deliver to it\. Archive it anyway\? \[y\/N\]/,
		);
		// No: nothing changes, and the look-up was the only request.
		await press(s, 'n');
		expect(s.frame()).toContain('Not archived: Field ops imagery is as it was.');
		expect(selectedLine(s.frame())).toContain('★ default');
		// Asked again: the look-up is remembered, so the question costs nothing more.
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		await press(s, 'y');
		await waitFrame(s, '✓ Archived Field ops imagery: your organisation has no default now (u undoes both).');
		expect(s.frame()).not.toContain('★ default');
		await settle(s);
		expect((await sentSince(s, asked)).map((l) => l.replace(/field-ops-imagery-\S+/, 'ID'))).toEqual([
			'GET /subscriptions/v1 200',
			'PATCH /destinations/v1/ID 200',
		]);
		expect(await clientFor(s.sb).getDefault()).toBeNull();

		// An archived destination cannot be made the default: d says why, and sends nothing.
		const before = await lastSeq(s);
		await press(s, 'd');
		expect(s.frame()).toContain("Can't do that: an archived destination cannot be the default: unarchive it first (a).");
		await settle(s);
		expect(await sentSince(s, before)).toEqual([]);

		// u: unarchived and the default again, one request each.
		const undo = await lastSeq(s);
		await press(s, 'u');
		await waitFrame(s, "✓ Undone: Field ops imagery is active and your organisation's default again.");
		expect(selectedLine(s.frame())).toContain('★ default');
		await settle(s);
		expect((await sentSince(s, undo)).map((l) => l.replace(/field-ops-imagery-\S+/, 'ID'))).toEqual([
			'PATCH /destinations/v1/ID 200',
			'PUT /destinations/v1/default 200',
		]);
		expect((await clientFor(s.sb).getDefault())!.name).toBe('Field ops imagery');
	});

	test('undo after archiving the default: says plainly when the default cannot come back', async () => {
		const s = await mountScreen();
		await select(s, 'Field ops imagery');
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		await press(s, 'y');
		await waitFrame(s, '✓ Archived Field ops imagery');
		// Another default since: undo unarchives, and leaves the new default alone.
		await select(s, 'analytics-raw');
		await press(s, 'd');
		await waitFrame(s, 'Make analytics-raw the organisation default? It has none now. [y/N]');
		await press(s, 'y');
		await waitFrame(s, "✓ analytics-raw is now your organisation's default");
		// u undoes the last archive (the default change is not an archive).
		await press(s, 'u');
		await waitFrame(s, 'Undone: Field ops imagery is active again; analytics-raw, made default since, stays the default.');
		expect((await clientFor(s.sb).getDefault())!.name).toBe('analytics-raw');

		// The default refused after the unarchive: said, with the reason, and how to try again.
		await select(s, 'analytics-raw');
		await press(s, 'd');
		await waitFrame(s, '[y/N]');
		await press(s, 'y');
		await waitFrame(s, 'is no longer the default');
		await select(s, 'Field ops imagery');
		await press(s, 'd');
		await waitFrame(s, '[y/N]');
		await press(s, 'y');
		await waitFrame(s, "✓ Field ops imagery is now your organisation's default");
		await press(s, 'a');
		await waitFrame(s, '[y/N]');
		await press(s, 'y');
		await waitFrame(s, '✓ Archived Field ops imagery');
		await fault(s.sb, {count: 1, methods: ['PUT'], status: 403});
		await press(s, 'u');
		const f = flat(await waitFrame(s, 'but not the default'));
		expect(f).toMatch(/✗ Undone: Field ops imagery is active again, but not the default: .*Press d on it to try again\./);
		expect(await clientFor(s.sb).getDefault()).toBeNull();
	});

	test('archiving a destination subscriptions deliver to asks first, saying how many', async () => {
		const s = await mountScreen();
		await select(s, 'São Paulo agronomy');
		await press(s, 'a');
		const q = flat(await waitFrame(s, '[y/N]'));
		expect(q).toContain('1 active subscription delivers to São Paulo agronomy. Archive it anyway? [y/N]');
		await press(s, KEYS.esc);
		expect(s.frame()).toContain('Not archived: São Paulo agronomy is as it was.');
		// Orders count too once the details have looked them up (no request more).
		await select(s, 'Field ops imagery');
		await press(s, KEYS.enter);
		await waitFrame(s, 'Subscriptions delivering here');
		await press(s, KEYS.esc);
		await settle(s);
		const before = await lastSeq(s);
		await press(s, 'a');
		expect(flat(await waitFrame(s, '[y/N]'))).toContain('2 active subscriptions and 1 order in progress deliver to it.');
		await settle(s);
		expect(await sentSince(s, before)).toEqual([]);
	});
});

describe('r rename', () => {
	test('refuses too short and taken names before sending; a good name costs one PATCH and shows the new pl:ref', async () => {
		const s = await mountScreen();
		const original = (await byName(s, 'MinIO on-prem lab'))!;
		await clearRequests(s.sb);
		await select(s, 'MinIO on-prem lab');
		await press(s, 'r');
		expect(s.frame()).toContain('Rename to: MinIO on-prem lab');
		expect(s.frame()).toContain('3-63 characters, unique in your organisation');
		for (let i = 0; i < 'MinIO on-prem lab'.length; i++) await press(s, KEYS.backspace);
		await type(s, 'ab');
		await press(s, KEYS.enter);
		expect(s.frame()).toContain('The name must be 3-63 characters (is 2).');
		expect(s.frame()).toContain('Rename to: ab');
		// Typing again clears the complaint.
		await press(s, KEYS.backspace, KEYS.backspace);
		await type(s, 'analytics-raw');
		expect(s.frame()).not.toContain('must be 3-63');
		await press(s, KEYS.enter);
		expect(s.frame()).toContain('"analytics-raw" is already taken in your organisation.');
		expect(s.frame()).toContain('Rename to: analytics-raw');
		await settle(s);
		expect(await sent(s.sb)).toEqual([]);

		for (let i = 0; i < 'analytics-raw'.length; i++) await press(s, KEYS.backspace);
		await type(s, 'MinIO lab (rack 2)');
		await press(s, KEYS.enter);
		const f = await waitFrame(s, '✓ Renamed to MinIO lab (rack 2).');
		await settle(s);
		expect(await sent(s.sb)).toEqual([`PATCH /destinations/v1/${original.id}`]);
		const renamed = (await byName(s, 'MinIO lab (rack 2)'))!;
		expect(renamed.id).toBe(original.id);
		expect(renamed['pl:ref']).not.toBe(original['pl:ref']);
		expect(f).toContain(`New ref: ${renamed['pl:ref']}`);
		expect(selectedLine(f)).toContain('MinIO lab (rack 2)');
		expect(f).not.toContain('Rename to:');
		// y now copies the new ref.
		await press(s, 'y');
		expect(s.copied).toEqual([renamed['pl:ref']]);
	});

	test('a failed rename keeps the draft and says why; Enter again succeeds; Esc cancels without a request', async () => {
		const s = await mountScreen();
		await select(s, 'Legacy exports');
		await press(s, 'r');
		await type(s, ' (old)');
		await fault(s.sb, {count: 1, methods: ['PATCH'], status: 503});
		const before = await lastSeq(s);
		await press(s, KEYS.enter);
		const f = await waitFrame(s, 'Rename failed:');
		expect(f).toContain('Rename to: Legacy exports (old)');
		expect(flat(f)).toContain('The server said: Service Unavailable');
		expect((await sentSince(s, before)).map((l) => l.replace(/\/legacy-exports-\S+/, '/ID'))).toEqual(['PATCH /destinations/v1/ID 503']);
		const retry = await lastSeq(s);
		await press(s, KEYS.enter);
		await waitFrame(s, '✓ Renamed to Legacy exports (old).');
		await settle(s);
		expect((await sentSince(s, retry)).map((l) => l.replace(/\/legacy-exports-\S+/, '/ID'))).toEqual(['PATCH /destinations/v1/ID 200']);

		// A clash only the server knows of (an archived name, not loaded): refused, draft kept.
		await press(s, 'r');
		for (let i = 0; i < 'Legacy exports (old)'.length; i++) await press(s, KEYS.backspace);
		await type(s, 'Crop monitoring 2025');
		await press(s, KEYS.enter);
		const g = await waitFrame(s, 'Rename failed:');
		expect(g).toContain('Rename to: Crop monitoring 2025');
		expect(flat(g)).toContain('already exists');

		const quiet = await lastSeq(s);
		await press(s, KEYS.esc);
		expect(s.frame()).not.toContain('Rename to:');
		expect(selectedLine(s.frame())).toContain('Legacy exports (old)');
		await settle(s);
		expect(await sentSince(s, quiet)).toEqual([]);
	});
});

describe('d default', () => {
	test('asks first with No as the default: n, Enter, Esc and any other key cancel without a request', async () => {
		const s = await mountScreen();
		await clearRequests(s.sb);
		await select(s, 'analytics-raw');
		for (const answer of ['n', KEYS.enter, KEYS.esc, 'x', 'q', ' ']) {
			await press(s, 'd');
			// It names the default it would replace.
			expect(s.frame()).toContain('Make analytics-raw the organisation default, replacing Field ops imagery? [y/N]');
			await press(s, answer);
			expect(s.frame()).not.toContain('[y/N]');
			expect(s.frame()).toContain('Default unchanged.');
		}
		await settle(s);
		expect(await sent(s.sb)).toEqual([]);
		expect((await clientFor(s.sb).getDefault())!.name).toBe('Field ops imagery');
	});

	test('y sets the default with one PUT; on the default, y unsets it with one DELETE', async () => {
		const s = await mountScreen();
		await clearRequests(s.sb);
		await select(s, 'analytics-raw');
		await press(s, 'd', 'y');
		await waitFrame(s, "✓ analytics-raw is now your organisation's default");
		await settle(s);
		expect(await sent(s.sb)).toEqual(['PUT /destinations/v1/default']);
		expect(selectedLine(s.frame())).toContain('★ default');
		expect(rowOf(s.frame(), 'Field ops imagery')).not.toContain('★ default');
		expect((await clientFor(s.sb).getDefault())!.name).toBe('analytics-raw');

		await clearRequests(s.sb);
		await press(s, 'd');
		expect(s.frame()).toContain('Stop analytics-raw being the organisation default? Your organisation will have none. [y/N]');
		await press(s, 'Y');
		await waitFrame(s, '✓ analytics-raw is no longer the default');
		await settle(s);
		expect(await sent(s.sb)).toEqual(['DELETE /destinations/v1/default']);
		expect(s.frame()).not.toContain('★ default');
		expect(await clientFor(s.sb).getDefault()).toBeNull();
	});

	test('a failed change of default rolls back and says why', async () => {
		const s = await mountScreen();
		await select(s, 'analytics-raw');
		await fault(s.sb, {count: 1, methods: ['PUT'], status: 500});
		await press(s, 'd', 'y');
		const f = await waitFrame(s, 'Changing the default failed, so it is back as it was.');
		expect(rowOf(f, 'Field ops imagery')).toContain('★ default');
		expect(selectedLine(f)).not.toContain('★ default');
		expect((await clientFor(s.sb).getDefault())!.name).toBe('Field ops imagery');
	});
});

describe('y copy', () => {
	test('copies exactly the pl:ref through the injected copy function, from the list and the detail view', async () => {
		const s = await mountScreen();
		const field = (await byName(s, 'Field ops imagery'))!;
		const minio = (await byName(s, 'MinIO on-prem lab'))!;
		await clearRequests(s.sb);
		await select(s, 'Field ops imagery');
		await press(s, 'y');
		expect(s.copied).toEqual([field['pl:ref']]);
		expect(s.frame()).toContain(`✓ Copied ${field['pl:ref']}`);
		await select(s, 'MinIO on-prem lab');
		await press(s, KEYS.enter);
		await waitFrame(s, 'Esc back');
		await press(s, 'y');
		expect(s.copied).toEqual([field['pl:ref'], minio['pl:ref']]);
		// Copying is not a request.
		await press(s, KEYS.esc);
		await settle(s);
		expect((await sent(s.sb)).filter((r) => r.includes('/destinations/'))).toEqual([]);
	});
});
