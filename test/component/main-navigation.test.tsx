// Main screen, moving around: every navigation key, the detail view, the help overlay, refresh
// and quitting, against a real sandbox over HTTP; navigation never costs a request.
import {describe, expect, test} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {
	ADMIN_KEY,
	USER_KEY,
	clearRequests,
	clientFor,
	counts,
	requests,
	mountScreen,
	populate,
	press,
	selectedLine,
	sent,
	settle,
	waitFrame,
} from './main-helpers.js';
import {KEYS} from '../harness/keys.js';

const selectedName = (frame: string) =>
	selectedLine(frame)
		.slice(2)
		.split(/\s{2,}/)[0]!
		.trim();

describe('moving the selection', () => {
	test('↑/↓, k/j, g/G, Home/End and PgUp/PgDn move through the list the sandbox sent, with no request', async () => {
		const s = await mountScreen({before: (sb) => populate(sb, 40)});
		// What the sandbox holds for this user, newest first, as the screen should list them.
		const active = (await clientFor(s.sb).list({})).sort((a, b) => (a.created < b.created ? 1 : -1)).map((d) => d.name);
		await clearRequests(s.sb);
		expect(active.length).toBe(51);
		expect(counts(s.frame())).toEqual({shown: 51, total: 51});
		expect(selectedName(s.frame())).toBe(active[0]);

		await press(s, 'j');
		expect(selectedName(s.frame())).toBe(active[1]);
		await press(s, KEYS.down);
		expect(selectedName(s.frame())).toBe(active[2]);
		await press(s, 'k');
		expect(selectedName(s.frame())).toBe(active[1]);
		await press(s, KEYS.up);
		expect(selectedName(s.frame())).toBe(active[0]);
		// At the top, up stays at the top.
		await press(s, KEYS.up, 'k');
		expect(selectedName(s.frame())).toBe(active[0]);

		await press(s, 'G');
		expect(selectedName(s.frame())).toBe(active[50]);
		expect(s.frame()).toContain('Field ops imagery');
		await press(s, 'j', KEYS.down);
		expect(selectedName(s.frame())).toBe(active[50]);
		await press(s, 'g');
		expect(selectedName(s.frame())).toBe(active[0]);
		await press(s, KEYS.end);
		expect(selectedName(s.frame())).toBe(active[50]);
		await press(s, KEYS.home);
		expect(selectedName(s.frame())).toBe(active[0]);

		// A page is the rows the list shows (13 at 100x30); the window follows the cursor.
		const page = s
			.frame()
			.split('\n')
			.filter((l) => /^[› ] (bench-|\S)/.test(l) && !l.includes('NAME')).length;
		await press(s, KEYS.pageDown);
		const afterOne = selectedName(s.frame());
		const step = active.indexOf(afterOne);
		expect(step).toBeGreaterThan(5);
		expect(step).toBeLessThanOrEqual(page);
		expect(s.frame()).not.toContain(active[0]!);
		await press(s, KEYS.pageDown);
		expect(selectedName(s.frame())).toBe(active[2 * step]);
		await press(s, KEYS.pageUp);
		expect(selectedName(s.frame())).toBe(active[step]);
		await press(s, KEYS.pageUp, KEYS.pageUp);
		expect(selectedName(s.frame())).toBe(active[0]);
		await press(s, 'G', KEYS.pageDown);
		expect(selectedName(s.frame())).toBe(active[50]);

		expect(await sent(s.sb)).toEqual([]);
	});

	test('the detail pane follows the selection and never shows a secret', async () => {
		const s = await mountScreen();
		await press(s, 'G');
		const f = s.frame();
		expect(selectedName(f)).toBe('Field ops imagery');
		expect(f).toMatch(/Bucket\s+acme-field-ops-imagery/);
		expect(f).toMatch(/Secret access key\s+stored \(hidden\)/);
		expect(s.frames().join('\n')).not.toContain('sandbox-secret');
	});
});

describe('a list longer than the screen', () => {
	test('says how many rows are out of view above and below, and follows the cursor', async () => {
		const s = await mountScreen({height: 20});
		const more = (f: string) =>
			f
				.split('\n')
				.find((l) => /more (above|below)/.test(l))
				?.trim();
		expect(more(s.frame())).toMatch(/^↓ \d+ more below$/);
		await press(s, 'G');
		expect(more(s.frame())).toMatch(/^↑ \d+ more above$/);
		await press(s, 'k', 'k', 'k', 'k', 'k');
		expect(more(s.frame())).toMatch(/^↑ \d+ more above · ↓ \d+ more below$/);
		// Shown plus out of view is the whole list.
		const [above, below] = [/↑ (\d+)/, /↓ (\d+)/].map((re) => Number(re.exec(more(s.frame())!)![1]));
		const rows = s
			.frame()
			.split('\n')
			.filter((l) => /^[› ][✓ ]\S/.test(l) && !l.includes('NAME') && !/more (above|below)/.test(l));
		expect(above! + below! + rows.length).toBe(counts(s.frame()).shown);
	});
});

describe('Enter: the detail view', () => {
	test('shows every field, the orders and subscriptions delivering there (as the sandbox lists them), and Esc goes back', async () => {
		const s = await mountScreen();
		const client = clientFor(s.sb);
		const field = (await client.list({})).find((d) => d.name === 'Field ops imagery')!;
		const orders = await client.ordersUsing(field['pl:ref']);
		const subscriptions = await client.subscriptionsUsing(field['pl:ref']);
		expect(orders.length).toBeGreaterThan(0);
		await clearRequests(s.sb);

		await press(s, 'G', KEYS.enter);
		const f = await waitFrame(s, 'Orders delivering here');
		expect(f).toContain('Field ops imagery · Esc back');
		expect(f).toMatch(new RegExp(`pl:ref\\s+${field['pl:ref']}`));
		expect(f).toMatch(/Default\s+yes/);
		expect(f).toMatch(/Owner\s+you/);
		expect(f).toMatch(/Permissions\s+you can change it/);
		expect(f).toContain(`{"delivery":{"destination":{"ref":"${field['pl:ref']}"}}}`);
		expect(f).toContain(`Orders delivering here: ${orders.length}`);
		for (const o of orders) expect(f).toContain(`${o.name} · ${o.state}`);
		expect(f).toContain(`Subscriptions delivering here: ${subscriptions.length}`);
		for (const sub of subscriptions) expect(f).toContain(`${sub.name} · ${sub.status}`);
		expect(f).toMatch(/Secret access key\s+stored \(hidden\)/);
		expect(f).not.toContain('sandbox-secret');
		// Opening the details costs the two usage lookups, and nothing else.
		await settle(s);
		const usage = await requests(s.sb);
		expect(usage.map((r) => `${r.method} ${r.path} ${r.query.destination_ref}`).sort()).toEqual([
			`GET /compute/ops/orders/v2 ${field['pl:ref']}`,
			`GET /subscriptions/v1 ${field['pl:ref']}`,
		]);

		await press(s, KEYS.esc);
		const back = await waitFrame(s, /\d+ of \d+/);
		expect(selectedName(back)).toBe('Field ops imagery');
		expect(back).not.toContain('Esc back');

		// A second look is served from memory.
		await clearRequests(s.sb);
		await press(s, KEYS.enter);
		await waitFrame(s, `Orders delivering here: ${orders.length}`);
		await press(s, 'q');
		await waitFrame(s, /\d+ of \d+/);
		await press(s, KEYS.enter, KEYS.left);
		await waitFrame(s, /\d+ of \d+/);
		expect(await sent(s.sb)).toEqual([]);
	});

	test('a destination nobody delivers to says so', async () => {
		const s = await mountScreen();
		await press(s, 'g', KEYS.enter);
		const f = await waitFrame(s, 'Subscriptions delivering here');
		expect(f).toContain('Forestry (OCI Frankfurt) · Esc back');
		expect(f).toContain('Orders delivering here: 0');
		expect(f).toContain('Subscriptions delivering here: 0');
		expect(f).toMatch(/Owner\s+someone else \(user 729114\)/);
	});
});

describe('? help', () => {
	test('lists every key of the screen, with the reason a disabled one is disabled, and closes with Esc or ?', async () => {
		// Tall enough for every key and every reason on a line of its own.
		const s = await mountScreen({height: 34});
		// Forestry is owned by a former member: the demo user may not change it.
		expect(selectedName(s.frame())).toBe('Forestry (OCI Frankfurt)');
		await press(s, '?');
		const f = s.frame();
		expect(f).toContain('Keys (Esc back)');
		for (const keys of [
			'↑/↓ k/j',
			'g/G Home/End',
			'PgUp/PgDn',
			'Enter',
			'/',
			'1-4',
			'a',
			'u',
			'r',
			'd',
			'y',
			'n',
			'c',
			'R',
			'Ctrl-L',
			'?',
			'q Ctrl-C',
		]) {
			expect(f.split('\n').some((l) => l.replace(/^│\s*/, '').startsWith(`${keys} `))).toBe(true);
		}
		// Each disabled key says why, in full, on the line under it.
		const under = (label: string) => f.split('\n')[f.split('\n').findIndex((l) => l.includes(label)) + 1]!;
		const notYours = 'disabled: owned by someone else: only its owner or an org admin can change it';
		expect(under('archive or unarchive: the marked rows')).toContain(notYours);
		expect(under('rename')).toContain(notYours);
		expect(under('set as the organisation default')).toContain(notYours);
		expect(under('rotate credentials')).toContain('disabled: owned by someone else');
		expect(under('undo the last archive')).toContain('disabled: nothing to undo');
		expect(under('copy the pl:ref')).not.toContain('disabled');
		await press(s, KEYS.esc);
		expect(s.frame()).not.toContain('Keys (Esc back)');
		expect(s.frame()).toMatch(/11 of 11/);

		// On one of the user's own destinations, those actions are enabled.
		await press(s, 'G', '?');
		const own = s.frame();
		expect(own).toContain('archive or unarchive: the marked rows');
		expect(own).not.toContain('owned by someone else');
		expect(own).toContain('disabled: nothing to undo');
		await press(s, '?');
		expect(s.frame()).not.toContain('Keys (Esc back)');
	});

	test('the footer legend always offers ? help and q quit, even at 80 columns', async () => {
		for (const width of [100, 80]) {
			const s = await mountScreen({width, height: 24});
			const last = s.frame().split('\n').at(-1)!;
			expect(last).toContain('? help');
			expect(last).toContain('q quit');
			expect([...last].length).toBeLessThan(width);
		}
	});
});

describe('R refresh', () => {
	test('reloads what the server has now with one request (two once archived ones were shown)', async () => {
		const s = await mountScreen();
		const admin = createClient({apiKey: ADMIN_KEY, baseUrl: s.sb.origin, requestsPerSecond: Infinity});
		const field = (await admin.list({})).find((d) => d.name === 'Field ops imagery')!;
		await admin.rename(field.id, 'Field ops imagery v2');
		await clearRequests(s.sb);

		await press(s, 'R');
		await waitFrame(s, 'Reloaded: 11 destinations.');
		expect(s.frame()).toContain('Field ops imagery v2');
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1']);

		await press(s, '1');
		await waitFrame(s, '13 of 13');
		await settle(s);
		await clearRequests(s.sb);
		await press(s, 'R');
		await waitFrame(s, 'Reloaded: 13 destinations.');
		await settle(s);
		expect(await sent(s.sb)).toEqual(['GET /destinations/v1', 'GET /destinations/v1?archived=true']);
		expect(USER_KEY).toBe('PLAK-sandbox-user');
	});
});

describe('quitting', () => {
	test('q leaves through useApp().exit: the tree unmounts and keys do nothing more', async () => {
		let unmounted = 0;
		const s = await mountScreen({onUnmount: () => unmounted++});
		expect(unmounted).toBe(0);
		await press(s, 'q');
		expect(unmounted).toBe(1);
		const frames = s.frames().length;
		await press(s, 'j');
		expect(s.frames().length).toBe(frames);
	});

	test('Ctrl-C quits from the list, and from the search prompt', async () => {
		let unmounted = 0;
		const s = await mountScreen({onUnmount: () => unmounted++});
		await press(s, KEYS.ctrlC);
		expect(unmounted).toBe(1);

		let again = 0;
		const t = await mountScreen({onUnmount: () => again++});
		await press(t, '/', 'a', KEYS.ctrlC);
		expect(again).toBe(1);
	});

	test('q inside the help overlay closes it rather than quitting', async () => {
		let unmounted = 0;
		const s = await mountScreen({onUnmount: () => unmounted++});
		await press(s, '?', 'q');
		expect(unmounted).toBe(0);
		expect(s.frame()).toMatch(/11 of 11/);
	});
});
