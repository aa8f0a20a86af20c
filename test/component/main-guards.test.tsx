// Main screen, what it refuses and what it defuses: --read-only, destinations the user may not
// change (reason shown, nothing sent), hostile names from the server, and frames that always
// fit the terminal.
import {describe, expect, test} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {ADMIN_KEY, clearRequests, mountScreen, press, selectedLine, sent, settle, type, waitFrame, type Screen} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

async function select(s: Screen, name: string): Promise<void> {
	await press(s, 'g');
	for (let i = 0; i < 30 && !selectedLine(s.frame()).slice(2).startsWith(name); i++) await press(s, 'j');
	expect(selectedLine(s.frame()).slice(2).startsWith(name)).toBe(true);
}

/** Every frame so far fits a terminal of that size: fewer lines than rows, no line too wide. */
function expectFits(s: Screen, width: number, height: number): void {
	for (const f of s.frames()) {
		const lines = f.split('\n');
		expect(lines.length).toBeLessThan(height);
		for (const l of lines) expect([...l].length).toBeLessThanOrEqual(width);
	}
}

const READ_ONLY = "Can't do that: destui runs read-only (--read-only): changes are disabled.";
const NOT_YOURS = "Can't do that: owned by someone else: only its owner or an org admin can change it.";

describe('--read-only', () => {
	test('every change is refused with the reason, no prompt opens and no request is sent', async () => {
		// Tall enough for the help to show every key with its reason.
		const s = await mountScreen({readOnly: true, height: 34});
		await settle(s);
		await clearRequests(s.sb);
		expect(s.frame()).toContain('READ-ONLY');
		await select(s, 'Field ops imagery');
		for (const key of ['a', 'u', 'r', 'd', 'n', 'c']) {
			await press(s, KEYS.esc);
			expect(s.frame()).not.toContain(READ_ONLY);
			await press(s, key);
			const f = s.frame();
			expect(f).toContain(READ_ONLY);
			expect(f).not.toContain('Rename to:');
			expect(f).not.toContain('[y/N]');
			expect(selectedLine(f)).toContain('Field ops imagery');
			expect(selectedLine(f)).toContain('★ default');
		}
		// Browsing and copying still work.
		await press(s, 'y');
		expect(s.copied).toHaveLength(1);
		await press(s, '1');
		await waitFrame(s, '13 of 13');
		await press(s, '?');
		const help = s.frame();
		expect(help.match(/disabled: destui runs read-only/g)?.length).toBe(6);
		await press(s, KEYS.esc);
		await settle(s);
		// The only request: the archived list the filter asked for.
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1?archived=true']);
	});
});

describe('destinations owned by someone else', () => {
	test('archive, rename, default and rotate say why they are disabled and send nothing', async () => {
		const s = await mountScreen();
		await settle(s);
		await clearRequests(s.sb);
		await select(s, 'Azure archive (EU)');
		expect(selectedLine(s.frame())).toContain('other');
		expect(s.frame()).toMatch(/Permissions\s+read-only for you/);
		for (const key of ['a', 'r', 'd', 'c']) {
			await press(s, KEYS.esc);
			await press(s, key);
			const f = s.frame();
			expect(f).toContain(NOT_YOURS);
			expect(f).not.toContain('Rename to:');
			expect(f).not.toContain('[y/N]');
		}
		// The admin's and the former member's destinations too.
		for (const name of ['Oracle Ashburn scenes', 'Forestry (OCI Frankfurt)']) {
			await select(s, name);
			await press(s, KEYS.esc, 'a');
			expect(s.frame()).toContain(NOT_YOURS);
		}
		await press(s, 'y');
		expect(s.copied).toHaveLength(1);
		await settle(s);
		expect(await sent(s.sb)).toEqual([]);
	});
});

describe('hostile names from the server', () => {
	const EVIL = 'evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J x';
	const EVIL_OWN = 'own\u001b[31m\u009b2J\u0007\u202enimda x';

	test('names with escape sequences are shown harmless everywhere: list, search, detail, prompts, toasts, clipboard', async () => {
		const admin = (origin: string) => createClient({apiKey: ADMIN_KEY, baseUrl: origin, requestsPerSecond: Infinity});
		let evilRef = '';
		const s = await mountScreen({
			before: async (sb) => {
				const api = admin(sb.origin);
				// The sandbox keeps names as sent: the admin can create one...
				const created = await api.create({
					type: 'amazon_s3',
					name: EVIL,
					parameters: {
						bucket: 'evil-bucket',
						aws_region: 'us-west-2',
						aws_access_key_id: 'SANDBOXEVIL000001',
						aws_secret_access_key: 'fake-evil-secret',
					},
				});
				expect(created.name).toBe(EVIL);
				evilRef = created['pl:ref'];
				// ...and rename one of the demo user's own, so the user's actions meet it too.
				const minio = (await api.list({})).find((d) => d.name === 'MinIO on-prem lab')!;
				expect((await api.rename(minio.id, EVIL_OWN)).name).toBe(EVIL_OWN);
			},
		});
		expect(s.frame()).toContain('evil]52;c;ZXZpbA==[2J x');
		await select(s, 'evil]52');
		await press(s, KEYS.enter);
		await waitFrame(s, 'Subscriptions delivering here');
		await press(s, 'y', KEYS.esc);
		expect(s.copied).toEqual([evilRef]);
		await press(s, '/', ...'evil', KEYS.enter, KEYS.esc);

		await select(s, 'own[31m');
		await press(s, 'r');
		expect(s.frame()).toContain('Rename to: own[31m2Jnimda x');
		// Enter on the unchanged (cleaned) name renames nothing.
		await press(s, KEYS.enter);
		expect(s.frame()).not.toContain('Rename to:');
		await press(s, 'd');
		expect(s.frame()).toContain('[y/N]');
		await press(s, 'n', 'a');
		await waitFrame(s, '✓ Archived own');
		await press(s, 'u');
		await waitFrame(s, '✓ Undone: own');
		await press(s, '?', KEYS.esc, KEYS.ctrlC);
		await settle(s);
		// Only the archive and its undo were sent: the unchanged rename and the declined default were not.
		expect((await sent(s.sb)).filter((r) => !r.startsWith('GET'))).toHaveLength(2);

		const frames = s.frames();
		expect(frames.length).toBeGreaterThan(10);
		for (const f of frames) {
			expect(f).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
		}
		for (const c of s.copied) expect(c).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
	});
});

describe('the frame fits', () => {
	test('at 80x24 and 100x30, with a long error and the rename prompt, no frame is taller or wider than the terminal', async () => {
		for (const [width, height] of [
			[80, 24],
			[100, 30],
		] as const) {
			const s = await mountScreen({width, height});
			await press(s, 'G', KEYS.enter);
			await waitFrame(s, 'Orders delivering here');
			await press(s, KEYS.esc, '?', KEYS.esc, '1');
			await waitFrame(s, '13 of 13');
			await press(s, 'k', 'r');
			await type(s, ' and a very long tail that goes on');
			await fetch(`${s.sb.origin}/_sandbox/faults`, {method: 'POST', body: JSON.stringify({count: 2, methods: ['PATCH'], status: 500})});
			await press(s, KEYS.enter);
			await waitFrame(s, 'Rename failed');
			await press(s, KEYS.esc, 'a');
			await waitFrame(s, 'failed, so it is back as it was');
			expectFits(s, width, height);
		}
	});
});
