// The main screen's reducer with rows marked: `a` asks once, then one request at a time; Esc stops
// before the next; each result is kept; one `u` undoes the batch. No terminal, no sandbox.
import {describe, expect, test} from 'vitest';
import {ApiError} from '../../src/api/errors.js';
import type {Destination} from '../../src/schemas.js';
import type {MainRequest} from '../../src/view/main-state.js';
import {questionText} from '../../src/view/status.js';
import {K, run} from './key-fixtures.js';
import {ctx, drive, LIST} from './main-fixtures.js';

const steps = (sent: readonly MainRequest[]) =>
	sent.filter((r) => r.kind === 'batch-step').map((r) => (r.kind === 'batch-step' ? `${r.item.archive ? '+' : '-'}${r.item.name}` : ''));
const lastStep = (sent: readonly MainRequest[]) => [...sent].reverse().find((r) => r.kind === 'batch-step')!;
/** The hook's answer to the request in flight: done (the destination as the server sends it back), or an error. */
function answer(d: ReturnType<typeof drive>, error?: unknown) {
	const request = lastStep(d.sent);
	if (error) d.act({type: 'failed', request, error});
	else d.act({type: 'done', request, destination: LIST.find((x) => request.kind === 'batch-step' && x.id === request.item.id)});
}

// alpha is the organisation's default.
const WITH_DEFAULT: Destination[] = LIST.map((x) => (x.name === 'alpha' ? {...x, default: true} : x));

describe('a with rows marked', () => {
	test('asks once, naming how many and the default, after the look-up; keys typed before it do not answer', () => {
		const d = drive();
		const c = ctx({destinations: WITH_DEFAULT});
		// alpha, charlie and delta marked (j skips bravo); "y" in the same read as "a" answers nothing.
		d.keys(c, ' ', 'j', ' ', ' ', run('ay'));
		expect(d.state.mode).toMatchObject({kind: 'checking'});
		expect(d.sent).toEqual([{kind: 'check-archive', destinations: [WITH_DEFAULT[0], WITH_DEFAULT[2], WITH_DEFAULT[3]]}]);
		// Nothing delivers there: a single archive would go at once; marked rows are always asked.
		d.check({subscriptions: 0}, c);
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'batch'}});
		expect(questionText(d.state)).toBe(
			"alpha is the organisation's default: archiving it leaves your organisation with no default. Archive the 3 marked destinations? [y/N]",
		);
		expect(steps(d.sent)).toEqual([]);
		d.keys(c, 'y');
		expect(steps(d.sent)).toEqual(['+alpha']);
		expect(d.state.marks.size).toBe(0);
	});

	test('any other key than y sends nothing and keeps the marks', () => {
		const d = drive();
		d.keys(ctx(), ' ', 'a');
		d.check({subscriptions: 2});
		expect(questionText(d.state)).toBe('2 active subscriptions deliver to alpha. Archive the 1 marked destination? [y/N]');
		d.keys(ctx(), 'n');
		expect(d.state.toast?.text).toBe('Nothing sent: the 1 marked destination is as it was.');
		expect(steps(d.sent)).toEqual([]);
		expect([...d.state.marks]).toEqual(['alpha-id']);
	});

	test('one request at a time, the next when the last is answered; the end says how it went and u undoes all, latest first', () => {
		const d = drive();
		d.keys(ctx(), 'V', 'a');
		d.check({subscriptions: 0});
		// bravo is someone else's: skipped, and the question says so.
		expect(questionText(d.state)).toBe(
			'1 marked row is skipped (owned by someone else: only its owner or an org admin can change it). Archive the other 4? [y/N]',
		);
		d.keys(ctx(), 'y');
		expect(steps(d.sent)).toEqual(['+alpha']);
		// While it runs, a and u wait; the list stays usable.
		d.keys(ctx(), 'a', 'j');
		expect(d.state.toast?.text).toBe("Can't do that: a batch is being sent: Esc stops it.");
		answer(d);
		expect(steps(d.sent)).toEqual(['+alpha', '+charlie']);
		answer(d);
		answer(d);
		answer(d);
		expect(steps(d.sent)).toEqual(['+alpha', '+charlie', '+delta', '+echo']);
		expect(d.state.batch).toMatchObject({finished: true});
		expect(d.state.batch!.results.map((r) => r.outcome)).toEqual(['done', 'done', 'done', 'done']);
		expect(d.state.toast).toMatchObject({tone: 'ok', text: 'Archived 4 of 4 destinations; 1 skipped. Press u to undo all 4.'});
		const remembered = d.sent.find((r) => r.kind === 'remember-batch');
		expect(remembered).toEqual({
			kind: 'remember-batch',
			batch: ['alpha', 'charlie', 'delta', 'echo'].map((n) => ({id: `${n}-id`, archived: true})),
		});

		// One u: the whole batch, the other way, latest first.
		const archived = LIST.map((x) => (x.name === 'bravo' ? x : {...x, archived: '2025-07-01T00:00:00Z'}));
		const c = ctx({destinations: archived, canUndo: true, undoTop: remembered!.kind === 'remember-batch' ? remembered!.batch : []});
		const before = d.sent.length;
		d.keys(c, 'u');
		expect(d.sent.slice(before).map((r) => r.kind)).toEqual(['take-undo', 'batch-step']);
		for (let i = 0; i < 4; i++) answer(d);
		expect(steps(d.sent.slice(before))).toEqual(['-echo', '-delta', '-charlie', '-alpha']);
		expect(d.state.toast).toMatchObject({tone: 'ok', text: 'Undone: 4 of 4 changes.'});
	});

	test('refused and failed requests are shown with the reason; those worth a retry stay marked', () => {
		const d = drive();
		d.keys(ctx(), 'V', 'a');
		d.check({subscriptions: 0});
		d.keys(ctx(), 'y');
		answer(d, new ApiError({kind: 'forbidden', status: 403, serverMessage: 'not yours'}));
		answer(d, new ApiError({kind: 'network'}));
		answer(d);
		answer(d);
		const results = d.state.batch!.results;
		expect(results.map((r) => r.outcome)).toEqual(['refused', 'failed', 'done', 'done']);
		expect(results[0]!.reason).toContain('The server said: not yours');
		expect(d.state.toast?.tone).toBe('error');
		expect(d.state.toast?.text).toBe(
			'Archived 2 of 4 destinations; 1 refused, 1 failed and 1 skipped (still marked). Press u to undo all 2.',
		);
		expect([...d.state.marks]).toEqual(['charlie-id']);
		// Esc puts the results away, then clears the marks.
		d.keys(ctx(), K.esc);
		expect(d.state.batch).toBeUndefined();
		expect(d.state.marks.size).toBe(1);
	});

	test('Esc stops before the next request: the one in flight is answered, the rest are not sent and stay marked', () => {
		const d = drive();
		d.keys(ctx(), 'V', 'a');
		d.check({subscriptions: 0});
		d.keys(ctx(), 'y');
		answer(d);
		d.keys(ctx(), K.esc);
		expect(d.sent.at(-1)).toEqual({kind: 'batch-stop'});
		expect(d.state.batch).toMatchObject({stopping: true, finished: false});
		// The request in flight was already sent: its answer is kept, and nothing more goes.
		answer(d);
		expect(steps(d.sent)).toEqual(['+alpha', '+charlie']);
		expect(d.state.batch!.results.map((r) => r.outcome)).toEqual(['done', 'done', 'stopped', 'stopped']);
		expect(d.state.toast).toMatchObject({
			tone: 'info',
			text: 'Stopped: archived 2 of 4 destinations; 2 not sent and 1 skipped (still marked). Press u to undo all 2.',
		});
		expect([...d.state.marks].sort()).toEqual(['delta-id', 'echo-id']);
	});

	test('Esc while the request waits for its turn: it is not sent either (the hook aborts it unsent)', () => {
		const d = drive();
		d.keys(ctx(), ' ', 'j', ' ', 'a');
		d.check({subscriptions: 0});
		d.keys(ctx(), 'y', K.esc);
		answer(d, new ApiError({kind: 'cancelled'}));
		expect(d.state.batch!.results.map((r) => r.outcome)).toEqual(['stopped', 'stopped']);
		expect(d.state.toast?.text).toBe('Stopped: archived 0 of 2 destinations; 2 not sent (still marked).');
		expect(d.sent.filter((r) => r.kind === 'remember-batch')).toEqual([{kind: 'remember-batch', batch: []}]);
	});

	test('all marked rows archived: unarchiving asks at once (no look-up), and a key read with the a does not answer', () => {
		const archived = LIST.map((x) => ({...x, archived: '2025-07-01T00:00:00Z'}));
		const c = ctx({destinations: archived});
		const d = drive();
		d.keys(c, '1', ' ', 'j', ' ', run('ay'));
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'batch', plan: {kind: 'unarchive'}}});
		expect(questionText(d.state)).toBe('Unarchive the 2 marked destinations? [y/N]');
		d.keys(c, 'y');
		expect(steps(d.sent)).toEqual(['-alpha']);
		expect(d.sent.some((r) => r.kind === 'check-archive')).toBe(false);
	});

	test('nothing marked may be changed: says why and sends nothing; read-only refuses it all', () => {
		const d = drive();
		d.keys(ctx(), 'j', ' ', 'a');
		expect(d.state.toast?.text).toBe(
			"Can't do that: none of the marked rows can be archived: owned by someone else: only its owner or an org admin can change it.",
		);
		d.keys(ctx({readOnly: true}), 'a');
		expect(d.state.toast?.text).toContain('--read-only');
		expect(d.sent).toEqual([]);
	});

	test("undoing a batch that archived the default makes it the default again, after the batch's last request", () => {
		const d = drive();
		const archived = WITH_DEFAULT.map((x) => ({...x, default: false, archived: '2025-07-01T00:00:00Z'}));
		const undoTop = [
			{id: 'alpha-id', archived: true, wasDefault: true},
			{id: 'charlie-id', archived: true},
		];
		d.keys(ctx({destinations: archived, canUndo: true, undoTop}), 'u');
		answer(d);
		answer(d);
		expect(steps(d.sent)).toEqual(['-charlie', '-alpha']);
		expect(d.sent.at(-1)).toEqual({kind: 'restore-default', id: 'alpha-id', name: 'alpha'});
		d.act({type: 'done', request: d.sent.at(-1)!, restored: {kind: 'restored'}});
		expect(d.state.toast?.text).toBe("alpha is your organisation's default again.");
	});
});
