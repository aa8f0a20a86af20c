// The soak's own checks, each fed what should pass it and what should fail it: a check that can
// never fail would let a soak pass that found nothing.
import {describe, expect, it} from 'vitest';
import type {StateChange} from '../../src/sandbox/server.js';
import type {DestinationRecord, SandboxState} from '../../src/sandbox/types.js';
import type {LoggedRequest} from '../harness/sandbox-hooks.js';
import {busiestSecond, changesOf, epochMs, forbiddenPatches, settle, unpaidPosts, type Permit} from './ledger.js';
import {findSecret, modesLeft, PLANTED, scanOutput, slope, stackTrace} from './output-checks.js';
import {permitsFor} from './permits.js';
import {readScreen, type ScreenModel} from './screen-model.js';
import {shows} from './typed-memory.js';
import {listKeys} from './vocabulary.js';

const dest = (id: string, over: Partial<DestinationRecord> = {}): DestinationRecord => ({
	id,
	suffix: `${id}suffix`,
	name: id,
	type: 'amazon_s3',
	parameters: {bucket: id},
	created: '2026-01-01T00:00:00Z',
	updated: '2026-01-01T00:00:00Z',
	archived: null,
	ownerId: 730002,
	...over,
});
const state = (destinations: DestinationRecord[], defaultId: string | null = null): SandboxState => ({
	version: 1,
	seed: 'demo',
	destinations,
	defaultId,
	orders: [],
	subscriptions: [],
});
const at = (ms: number) => new Date(ms).toISOString();
const change = (before: SandboxState, after: SandboxState, ms: number, method = 'PATCH'): StateChange => ({
	method,
	path: '/destinations/v1/x',
	time: at(ms),
	status: 200,
	before,
	after,
});
const permit = (kind: Permit['kind'], time: number, uses = 1): Permit => ({kind, time, uses, key: 1});
const req = (method: string, ms: number, over: Partial<LoggedRequest> = {}): LoggedRequest => ({
	seq: ms,
	method,
	path: '/destinations/v1',
	query: {},
	status: 201,
	user: 'user',
	time: at(ms),
	connection: 1,
	...over,
});

describe('terminal output', () => {
	it('passes what destui writes: colours, cursor moves, modes, an OSC 52 copy of a pl:ref', () => {
		const copy = `\x1b]52;c;${Buffer.from('pl:destinations/abc-123').toString('base64')}\x07`;
		expect(scanOutput(`\x1b[?1049h\x1b[1mdestui\x1b[22m\r\n\x1b[2K\x1b[1A${copy}\x1b[?1049l`)).toEqual([]);
	});

	it('fails a planted sequence, a bare control character, a bidi override, another clipboard write', () => {
		expect(scanOutput(`name ${PLANTED.osc52}`)[0]?.what).toMatch(/planted/);
		expect(scanOutput(`name ${PLANTED.scrollRegion}`)[0]?.what).toMatch(/planted/);
		expect(scanOutput('a\x07b')[0]?.what).toMatch(/U\+0007/);
		expect(scanOutput('a\u202eb')[0]?.what).toMatch(/U\+202e/);
		expect(scanOutput(`\x1b]52;c;${Buffer.from('secret').toString('base64')}\x07`)[0]?.what).toMatch(/clipboard/);
		expect(scanOutput('\x1b]0;title\x07')[0]?.what).toMatch(/OSC/);
	});

	it('finds a stack trace, and modes left set', () => {
		expect(stackTrace('Error: boom\n    at run (/app/x.js:1:2)\n')).toBeDefined();
		expect(stackTrace('plain text at 10:30')).toBeUndefined();
		expect(modesLeft('\x1b[?1049h\x1b[?25l\x1b[?1049l\x1b[?25h')).toEqual([]);
		expect(modesLeft('\x1b[?1049h\x1b[?2004h\x1b[?1049l')).toEqual(['?2004h']);
	});

	it('finds a secret or a long piece of it', () => {
		const secret = 'SoakSecret1xABCDEFGHJKLMNPQRSTUV';
		expect(findSecret(`x ${secret} y`, secret)).toBe(2);
		expect(findSecret(`x ${secret.slice(4, 24)} y`, secret)).toBeGreaterThan(-1);
		expect(findSecret('x •••••••• y', secret)).toBe(-1);
	});
});

describe('the ledger of changes', () => {
	it('pays an archive with an a pressed before it, and not with one pressed after', () => {
		const changes = changesOf(change(state([dest('a')]), state([dest('a', {archived: at(1)})]), 1000));
		expect(changes.map((c) => c.kind)).toEqual(['archive']);
		expect(settle(changes, [permit('archive', 900)])).toEqual([]);
		expect(settle(changes, [permit('archive', 1100)])).toHaveLength(1);
	});

	it('needs a y to the question to archive the default: a plain a does not pay for it', () => {
		const changes = changesOf(change(state([dest('a')], 'a'), state([dest('a', {archived: at(1)})], null), 1000));
		expect(changes.map((c) => c.kind)).toEqual(['archive-concern']);
		expect(settle(changes, [permit('archive', 900)])).toHaveLength(1);
		expect(settle(changes, [permit('archive-asked', 900)])).toEqual([]);
	});

	it('tells creates, renames, default and rotations apart', () => {
		const before = state([dest('a')]);
		const after = state([dest('a', {name: 'b', parameters: {bucket: 'a', key: 'new'}}), dest('c')], 'a');
		expect(
			changesOf(change(before, after, 1))
				.map((c) => c.kind)
				.sort(),
		).toEqual(['create', 'default', 'rename', 'rotate']);
	});

	it('counts a create sent twice for one press, but not one refused with 429', () => {
		expect(unpaidPosts([req('POST', 1000), req('POST', 1100)], [900])).toHaveLength(1);
		expect(unpaidPosts([req('POST', 1000, {status: 429}), req('POST', 2100)], [900])).toEqual([]);
		expect(unpaidPosts([req('GET', 1000)], [])).toEqual([]);
	});

	it('counts requests in any one second, by arrival', () => {
		expect(busiestSecond([0, 10, 20, 1000, 1010]).count).toBe(3);
		expect(busiestSecond([0, 10, 20, 999]).count).toBe(4);
		expect(epochMs('2026-12-02T23:50:48.134580294Z')).toBeCloseTo(Date.parse('2026-12-02T23:50:48.134Z') + 0.58, 1);
	});

	it("finds a PATCH for another user's destination", () => {
		const s = state([dest('mine'), dest('theirs', {ownerId: 730001})]);
		const log = [req('PATCH', 1, {path: '/destinations/v1/mine'}), req('PATCH', 2, {path: '/destinations/v1/theirs'})];
		expect(forbiddenPatches(log, s, 730002).map((r) => r.path)).toEqual(['/destinations/v1/theirs']);
	});

	it('fits a slope', () => {
		expect(
			slope([
				[0, 1],
				[1, 3],
				[2, 5],
			]),
		).toBeCloseTo(2);
	});
});

describe('permits from keys', () => {
	const list = (over: Partial<ScreenModel> = {}): ScreenModel => ({...readScreen('destui x\n11 of 11\n', []), ...over});
	const key = (bytes: string) => listKeys('normal').find((k) => k.bytes === bytes) ?? {label: bytes, bytes, command: 'text'};

	it('a y on the question pays for what it asked; a y typed with the key that asks pays nothing', () => {
		const asked = list({list: 'confirm', question: {kind: 'default', count: 1}});
		expect(permitsFor([key('y')], asked, 1, 1).permits.map((p) => p.kind)).toEqual(['default']);
		expect(permitsFor([key('d'), key('y')], list(), 1, 1).permits).toEqual([]);
	});

	it('Enter on the review is a create press; Enter on a field page is not', () => {
		const review = {...list(), kind: 'wizard' as const, form: 'review' as const};
		expect(permitsFor([key('\r')], review, 1, 1).createPress).toBe(true);
		expect(permitsFor([key('\r')], {...review, form: 'field'}, 1, 1).createPress).toBe(false);
	});
});

describe('what a form shows', () => {
	it('matches a value cut at either end, and not another value', () => {
		expect(shows('soak-abc', 'soak-abc')).toBe(true);
		expect(shows('soak-a…', 'soak-abcdef')).toBe(true);
		expect(shows('…xxxx', 'x'.repeat(70))).toBe(true);
		expect(shows('', 'soak-abc')).toBe(false);
		expect(shows('soak-abd', 'soak-abc')).toBe(false);
	});
});

describe('reading the screen', () => {
	it('knows the help and the detail view by their titles, as destui draws them now', () => {
		expect(readScreen('destui x\nKeys (Esc back · ↑/↓ scroll)\n', []).kind).toBe('help');
		expect(readScreen('destui x\nField ops imagery · Esc back · y copy ref\nName  Field ops imagery\n', []).kind).toBe('detail');
		expect(readScreen('destui x\n11 of 11  [1 archived:no]\n  NAME\n', []).kind).toBe('list');
	});
});

describe('reading the wizard', () => {
	it('knows its last step as the review, and the others as pages of fields', () => {
		expect(readScreen('Amazon S3 · step 5 of 5 · Review\n\n  Name  x\n', ['Name']).form).toBe('review');
		expect(readScreen('Amazon S3 · step 2 of 5 · Location\n\n› Bucket  x\n', ['Bucket']).form).toBe('field');
	});
});

describe('reading a form whose title is cut short', () => {
	it('still knows the rotation form (provider unknown) and the wizard', () => {
		const cut = readScreen('Rotate credentials · own[38;2;1;2;3m2Jn…\n\n› Access key ID  x\n', ['Access key ID']);
		expect([cut.kind, cut.provider, cut.form]).toEqual(['rotate', undefined, 'field']);
		expect(readScreen('Rotate credentials · Lab · S3-compatible\n', []).provider).toBe('S3-compatible');
		expect(readScreen('Google Cloud Storage · step 2 of 4…\n', []).kind).toBe('wizard');
	});
});
