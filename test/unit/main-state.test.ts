// The main screen's reducer on its own: keys, the requests it asks for, and their answers. No
// terminal and no sandbox: a list of destinations and the keys as the reader delivers them.
import {describe, expect, test} from 'vitest';
import {ApiError} from '../../src/api/errors.js';
import {markCount, visibleOf, type MainState} from '../../src/view/main-state.js';
import {K, key, nextRead, paste, run} from './key-fixtures.js';
import {dest} from './view-fixtures.js';
import {questionText} from '../../src/view/status.js';
import {messages} from '../../src/view/messages.js';

import {ctx, drive, LIST} from './main-fixtures.js';

describe('the main screen reducer', () => {
	test('"jja" in one read moves twice, then archives the row the cursor is on (once nothing is found delivering there)', () => {
		const d = drive();
		d.keys(ctx(), run('jja'));
		expect(d.selected()).toBe('charlie');
		expect(d.sent).toEqual([{kind: 'check-archive', destinations: [LIST[2]]}]);
		d.check({subscriptions: 0});
		expect(d.sent.slice(1)).toEqual([{kind: 'archive', destination: LIST[2]}]);
		expect(d.state.mode.kind).toBe('normal');
	});

	test('archive: keys typed during the look-up wait for it and then act; Esc stops waiting and archives nothing', () => {
		const d = drive();
		d.keys(ctx(), 'a');
		expect(d.state.mode).toMatchObject({kind: 'checking', destinations: [LIST[0]]});
		d.keys(ctx(), 'j', 'j');
		expect(d.selected()).toBe('alpha');
		d.check({subscriptions: 0}, ctx({destinations: LIST.slice(1)}));
		expect(d.sent.at(-1)).toEqual({kind: 'archive', destination: LIST[0]});
		// Applied to the list as it is now (alpha hidden, archived): two rows down from where the cursor fell.
		expect(d.selected(ctx({destinations: LIST.slice(1)}))).toBe('delta');
		expect(d.state.early).toEqual([]);

		d.keys(ctx(), 'g', 'a', K.esc);
		expect(d.state.mode.kind).toBe('normal');
		expect(d.state.toast?.text).toBe('Not archived: alpha is as it was.');
		// The answer arrives after Esc: nothing is sent.
		d.check({subscriptions: 3});
		expect(d.sent.filter((r) => r.kind === 'archive')).toHaveLength(1);
		expect(d.state.mode.kind).toBe('normal');
	});

	test('archive in use or the default: asks, naming what is at stake; keys typed before the question do not answer it', () => {
		const def = LIST.map((x) => (x.id === 'alpha-id' ? {...x, default: true} : x));
		const d = drive();
		d.keys(ctx({destinations: def}), 'a', 'y', 'j');
		d.check({subscriptions: 2}, ctx({destinations: def}));
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'archive', destinations: [def[0]]}});
		const q = d.state.mode.kind === 'confirm' && d.state.mode.question.kind === 'archive' ? d.state.mode.question.warning : '';
		expect(q).toBe(
			"alpha is the organisation's default: archiving it leaves your organisation with no default. 2 active subscriptions deliver to it.",
		);
		expect(d.state.early).toEqual([]);
		expect(d.sent.map((r) => r.kind)).toEqual(['check-archive']);
		// Any key but y is no.
		d.keys(ctx({destinations: def}), 'x');
		expect(d.state.toast?.text).toBe('Not archived: alpha is as it was.');
		expect(d.sent.map((r) => r.kind)).toEqual(['check-archive']);
		// In use, not the default: y archives (bravo is someone else's: charlie).
		d.keys(ctx(), 'j', 'j', 'a');
		d.check({subscriptions: 0, orders: 1});
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {warning: '1 order in progress delivers to charlie.'}});
		d.keys(ctx(), 'y');
		expect(d.sent.at(-1)).toEqual({kind: 'archive', destination: LIST[2]});
		// A look-up that failed asks too.
		d.keys(ctx(), 'g', 'a');
		d.check({error: new ApiError({kind: 'network'})});
		expect(d.state.mode).toMatchObject({
			kind: 'confirm',
			question: {warning: expect.stringMatching(/^What delivers to alpha is unknown: /)},
		});
	});

	test('unarchiving never asks', () => {
		const list = LIST.map((x) => ({...x, archived: '2025-07-01T00:00:00Z'}));
		const d = drive();
		// 1: archived "no" → "any", so the archived rows show.
		d.keys(ctx({destinations: list}), '1', 'a');
		expect(d.sent).toEqual([{kind: 'archive', destination: list[0]}]);
	});

	test("a change the user may not make says why and asks for nothing (someone else's; read-only)", () => {
		const d = drive();
		d.keys(ctx(), 'j', 'a');
		expect(d.state.toast?.text).toBe("Can't do that: owned by someone else: only its owner or an org admin can change it.");
		d.keys(ctx({readOnly: true}), 'g', 'r', 'n', 'd');
		expect(d.state.mode.kind).toBe('normal');
		expect(d.state.toast?.text).toContain('--read-only');
		expect(d.sent).toEqual([]);
	});

	test('keys typed before the first list wait for it and then act in order; q does not wait', () => {
		const d = drive();
		d.keys(ctx({destinations: [], loading: true}), run('jj'), 'j', '/', 'x');
		expect(d.state.early).toHaveLength(5);
		expect(d.state.mode.kind).toBe('normal');
		d.act({type: 'list-ready', ctx: ctx()});
		expect(d.state.early).toEqual([]);
		expect(d.state.mode.kind).toBe('search');
		expect(d.state.search.value).toBe('x');
		d.keys(ctx(), K.esc);
		expect(d.selected()).toBe('delta');
		d.keys(ctx({destinations: [], loading: true}), 'q');
		expect(d.sent).toEqual([{kind: 'quit'}]);
	});

	test('Esc while requests are in flight cancels them; then it clears the search, then the message', () => {
		const d = drive();
		d.keys(ctx(), '/', 'e', K.enter);
		expect(d.state.search.value).toBe('e');
		d.keys(ctx({pending: 2}), K.esc);
		expect(d.sent).toEqual([{kind: 'cancel'}]);
		expect(d.state.toast?.text).toBe('Cancelled 2 requests in flight.');
		expect(d.state.search.value).toBe('e');
		d.keys(ctx(), K.esc);
		expect(d.state.search.value).toBe('');
		expect(d.state.toast).toBeDefined();
		d.keys(ctx(), K.esc);
		expect(d.state.toast).toBeUndefined();
	});

	test('Esc during the start-up load stops it and offers R; its cancelled error says the same', () => {
		const d = drive();
		d.keys(ctx({destinations: [], loading: true, pending: 1}), 'j', K.esc);
		expect(d.sent).toEqual([{kind: 'cancel'}]);
		expect(d.state.early).toEqual([]);
		expect(d.state.toast?.text).toBe('Stopped loading the list. Press R to load it.');
		expect(messages.loadFailed(new ApiError({kind: 'cancelled'}))).toBe('Stopped loading the list. Press R to load it.');
		expect(messages.loadFailed(new ApiError({kind: 'server', status: 500, serverMessage: 'Internal Server Error'}))).toMatch(
			/ The server said: Internal Server Error\. Press R to retry\.$/,
		);
	});

	test('the row a search narrowed to stays selected when the search is cleared', () => {
		const d = drive();
		d.keys(ctx(), run('/del'));
		expect(d.selected()).toBe('delta');
		d.keys(ctx(), K.esc);
		expect(d.state.mode.kind).toBe('normal');
		expect(visibleOf(d.state, LIST)).toHaveLength(5);
		expect(d.selected()).toBe('delta');
	});

	test('a question is not answered by a key read together with the one that asked; a later y is', () => {
		const d = drive();
		d.keys(ctx(), run('ggdy'));
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'default', id: 'alpha-id', unset: false}});
		d.keys(ctx(), run('y'));
		expect(d.state.mode.kind).toBe('normal');
		expect(d.sent).toEqual([{kind: 'default', id: 'alpha-id', unset: false, name: 'alpha'}]);
		d.act({type: 'done', request: d.sent[0]!});
		expect(d.state.toast).toMatchObject({tone: 'ok', text: "alpha is now your organisation's default (pl:destinations/default)."});
		// Any other key is no.
		d.keys(ctx(), 'd', 'x');
		expect(d.state.toast?.text).toBe('Default unchanged.');
		expect(d.sent).toHaveLength(1);
	});

	test('keys typed ahead never answer a question they open: d then y before the list, or during a look-up', () => {
		// Typed apart (two reads) while the list loads: d asks once the list is there, and y, typed
		// before the question could be seen, is dropped with the keys after it.
		const d = drive();
		d.keys(ctx({destinations: [], loading: true}), 'd', 'y', 'j');
		d.act({type: 'list-ready', ctx: ctx()});
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'default', id: 'alpha-id'}});
		expect(d.state.early).toEqual([]);
		expect(d.sent).toEqual([]);
		d.keys(ctx(), 'y');
		expect(d.sent).toEqual([{kind: 'default', id: 'alpha-id', unset: false, name: 'alpha'}]);

		// During the look-up before an archive that needs no question: d asks, y does not answer.
		const e = drive();
		e.keys(ctx(), 'a', 'j', 'j', 'd', 'y');
		e.check({subscriptions: 0});
		expect(e.sent.map((r) => r.kind)).toEqual(['check-archive', 'archive']);
		expect(e.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'default', name: 'charlie'}});
		expect(e.state.early).toEqual([]);

		// The rotation form typed ahead: Enter on the last field asks "rotate now?", the y after it is dropped.
		const f = drive();
		const secret = 'fake/secret/access/key/for/tests';
		const typedAhead = ['c', ...'FAKEACCESSKEYID00000', K.enter, ...secret, K.enter, K.enter];
		const g = drive();
		g.keys(ctx(), ...typedAhead);
		expect(g.state.mode, 'the same keys typed once the list is there ask "rotate now?"').toMatchObject({
			kind: 'rotate',
			rotation: {phase: 'confirm'},
		});
		f.keys(ctx({destinations: [], loading: true}), ...typedAhead, 'y');
		f.act({type: 'list-ready', ctx: ctx()});
		expect(f.state.mode).toMatchObject({kind: 'rotate', rotation: {phase: 'confirm'}});
		expect(f.sent).toEqual([]);
	});

	test('d names the default it would replace, or says there is none', () => {
		const def = LIST.map((x) => (x.id === 'delta-id' ? {...x, default: true} : x));
		const d = drive();
		d.keys(ctx({destinations: def}), 'd');
		expect(d.state.mode).toMatchObject({kind: 'confirm', question: {kind: 'default', name: 'alpha', replaces: 'delta'}});
		expect(questionText(d.state)).toBe('Make alpha the organisation default, replacing delta? [y/N]');
		d.keys(ctx(), 'n', 'd');
		expect(d.state.mode).toMatchObject({question: {replaces: undefined}});
		expect(questionText(d.state)).toBe('Make alpha the organisation default? It has none now. [y/N]');
		d.keys(ctx({destinations: def}), 'n', 'j', 'j', 'j', 'd');
		expect(d.selected()).toBe('delta');
		expect(questionText(d.state)).toBe('Stop delta being the organisation default? Your organisation will have none. [y/N]');
	});

	test('rename: the draft is checked, sent once, kept when the server refuses, and the new name selected', () => {
		const d = drive();
		d.keys(ctx(), 'G', 'r');
		expect(d.state.mode).toMatchObject({kind: 'rename', line: {value: 'echo'}});
		// Editing keys read together with text act as typed alone.
		d.keys(ctx(), run('\x15ab\r'));
		expect(d.state.mode).toMatchObject({kind: 'rename', error: 'The name must be 3-63 characters (is 2).'});
		d.keys(ctx(), run('\x15alpha\r'));
		expect(d.state.mode).toMatchObject({error: '"alpha" is already taken in your organisation.'});
		d.keys(ctx(), key('a', {ctrl: true}), paste('new \n'), K.enter, K.enter);
		expect(d.sent).toEqual([{kind: 'rename', id: 'echo-id', name: 'new alpha'}]);
		d.act({type: 'failed', request: d.sent[0]!, error: new ApiError({kind: 'server', status: 503, serverMessage: 'Service Unavailable'})});
		expect(d.state.mode).toMatchObject({kind: 'rename', sending: false, line: {value: 'new alpha'}});
		expect((d.state.mode as {error: string}).error).toMatch(/^Rename failed: .* The server said: Service Unavailable\.$/);
		d.keys(ctx(), K.enter);
		const renamed = {...LIST[4]!, name: 'new alpha', id: 'echo-id'};
		d.act({type: 'done', request: d.sent[1]!, destination: renamed});
		expect(d.state.mode.kind).toBe('normal');
		expect(d.state.selectedId).toBe('echo-id');
		expect(d.state.toast?.text).toContain('Renamed to new alpha.');
	});

	test('"n" and Enter in one read open the wizard and choose the highlighted provider', () => {
		const d = drive();
		d.keys(ctx(), run('n\r'));
		expect(d.state.mode.kind).toBe('create');
		expect(d.state.mode.kind === 'create' && d.state.mode.wizard.step).toBe(1);
		// Esc, Esc: nothing typed, so the wizard closes, and the list has its keys again.
		d.keys(ctx(), K.esc, K.esc, 'j');
		expect(d.state.mode.kind).toBe('normal');
		expect(d.selected()).toBe('bravo');
	});

	test('a created destination is shown even when the filters or the search would hide it', () => {
		const d = drive();
		d.keys(ctx(), '2', '2', '/', 'z', K.enter, 'n');
		expect(d.state.filters.owner).toBe('no');
		const created = dest({id: 'new-id', name: 'newest'});
		d.act({type: 'wizard', action: {type: 'created', destination: created}});
		expect(d.state.mode.kind).toBe('normal');
		expect(d.state.filters.owner).toBe('any');
		expect(d.state.search.value).toBe('');
		expect(d.state.selectedId).toBe('new-id');
		expect(d.state.toast?.text).toBe('Created newest: pl:destinations/field-ops-AAAAAAAAAAAAAAAAAAAAA (y copies it)');
	});

	test('the details scroll within what the view can show, and copy the pl:ref', () => {
		const d = drive();
		d.keys(ctx(), 'j', 'j', K.enter);
		expect(d.state.mode).toEqual({kind: 'detail', id: 'charlie-id', top: 0});
		d.keys(ctx(), 'j', ' ', ' ');
		expect(d.state.mode).toMatchObject({top: 4});
		d.keys(ctx(), 'k', 'y');
		expect(d.state.mode).toMatchObject({top: 3});
		expect(d.sent).toEqual([{kind: 'copy', text: 'pl:destinations/charlie-id'}]);
		d.keys(ctx(), 'q');
		expect(d.state.mode.kind).toBe('normal');
		expect(d.sent).toHaveLength(1);
	});

	test('archive and undo report their outcome; a failed refresh leaves the load error to the status line', () => {
		const d = drive();
		d.keys(ctx(), 'a');
		d.check({subscriptions: 0});
		d.act({type: 'done', request: d.sent[1]!, destination: {...LIST[0]!, archived: '2025-07-01T00:00:00Z'}});
		expect(d.state.toast?.text).toBe('Archived alpha. Press u to undo.');
		d.keys(ctx({canUndo: true}), 'u');
		d.act({type: 'failed', request: d.sent[2]!, error: new ApiError({kind: 'network'})});
		expect(d.state.toast).toMatchObject({tone: 'error'});
		expect(d.state.toast?.text).toMatch(/^Undo failed, nothing changed\./);
		d.keys(ctx(), 'R');
		expect(d.state.toast?.text).toBe('Reloading from the server…');
		d.act({type: 'failed', request: d.sent[3]!, error: new ApiError({kind: 'server', status: 500})});
		expect(d.state.toast).toBeUndefined();
	});

	test('archiving the default says the organisation has none now; undo says whether the default came back', () => {
		const d = drive();
		const alpha = {...LIST[0]!, default: true};
		d.act({
			type: 'done',
			request: {kind: 'archive', destination: alpha},
			destination: {...alpha, default: false, archived: '2025-07-01T00:00:00Z'},
		});
		expect(d.state.toast?.text).toBe('Archived alpha: your organisation has no default now (u undoes both).');
		const undo = {kind: 'undo'} as const;
		d.act({type: 'done', request: undo, undo: {destination: alpha, default: {kind: 'restored'}}});
		expect(d.state.toast).toMatchObject({tone: 'ok', text: "Undone: alpha is active and your organisation's default again."});
		d.act({type: 'done', request: undo, undo: {destination: LIST[0]!, default: {kind: 'taken', by: LIST[3]!}}});
		expect(d.state.toast?.text).toBe('Undone: alpha is active again; delta, made default since, stays the default.');
		d.act({
			type: 'done',
			request: undo,
			undo: {destination: LIST[0]!, default: {kind: 'failed', error: new ApiError({kind: 'forbidden'})}},
		});
		expect(d.state.toast).toMatchObject({
			tone: 'error',
			text: expect.stringMatching(/^Undone: alpha is active again, but not the default: .* Press d on it to try again\.$/),
		});
		d.act({type: 'done', request: undo, undo: {destination: LIST[0]!}});
		expect(d.state.toast?.text).toBe('Undone: alpha is active again.');
	});

	test('a message expires only if it is still the one shown', () => {
		const d = drive();
		d.keys(ctx(), 'y');
		// The message comes with the copy's outcome.
		expect(d.state.toast).toBeUndefined();
		d.act({type: 'done', request: d.sent[0]!, copied: {way: 'tmux'}});
		const first = d.state.toast!;
		expect(first.text).toBe('Copied pl:destinations/alpha-id (tmux buffer and clipboard).');
		d.keys(ctx(), K.ctrlL);
		d.act({type: 'toast-expired', id: first.id});
		expect(d.state.toast?.text).toBe('Screen redrawn.');
		d.act({type: 'toast-expired', id: d.state.toast!.id});
		expect(d.state.toast).toBeUndefined();
		expect(d.sent).toEqual([{kind: 'copy', text: 'pl:destinations/alpha-id'}, {kind: 'redraw'}]);
	});

	test('in a terminal too small for the list, only quitting works', () => {
		const d = drive();
		d.keys(ctx({tooSmall: true}), 'j', '/', 'a', K.ctrlC);
		expect(d.selected()).toBe('alpha');
		expect(d.state.mode.kind).toBe('normal');
		expect(d.sent).toEqual([{kind: 'quit'}]);
		expect(nextRead()).toBeGreaterThan(0);
	});
});

describe('marks', () => {
	const marked = (s: MainState) => [...s.marks].sort();

	test('Space marks or unmarks the selected row and moves down; at the last row it stays', () => {
		const d = drive();
		d.keys(ctx(), ' ', ' ');
		expect(marked(d.state)).toEqual(['alpha-id', 'bravo-id']);
		expect(d.selected()).toBe('charlie');
		d.keys(ctx(), 'k', ' ');
		expect(marked(d.state)).toEqual(['alpha-id']);
		d.keys(ctx(), 'G', ' ', ' ');
		expect(marked(d.state)).toEqual(['alpha-id']);
		expect(d.selected()).toBe('echo');
		expect(d.sent).toEqual([]);
	});

	test('V marks every row shown (the search and filters decide), again unmarks only those; hidden marks stay', () => {
		const d = drive();
		d.keys(ctx(), ' ', run('/e\r'), 'V');
		// "e" matches charlie, delta and echo; alpha was marked before the search.
		expect(marked(d.state)).toEqual(['alpha-id', 'charlie-id', 'delta-id', 'echo-id']);
		expect(d.state.toast?.text).toBe('Marked all 3 rows shown. Esc clears the marks.');
		d.keys(ctx(), run('/\x15cha\r'), 'V');
		expect(marked(d.state)).toEqual(['alpha-id', 'delta-id', 'echo-id']);
		expect(d.state.toast?.text).toBe('Unmarked the row shown.');
		d.keys(ctx(), 'V');
		expect(marked(d.state)).toEqual(['alpha-id', 'charlie-id', 'delta-id', 'echo-id']);
		// What the header counts: the marks still loaded, and those the search hides.
		expect(markCount(d.state, LIST, visibleOf(d.state, LIST))).toEqual({count: 4, hidden: 3});
		expect(markCount(d.state, LIST.slice(0, 2), visibleOf(d.state, LIST.slice(0, 2)))).toEqual({count: 1, hidden: 1});
	});

	test('Esc clears the marks before the search; with requests in flight it cancels them first', () => {
		const d = drive();
		d.keys(ctx(), run('/a\r'), ' ');
		d.keys(ctx({pending: 1}), K.esc);
		expect(d.sent).toEqual([{kind: 'cancel'}]);
		expect(marked(d.state)).toEqual(['alpha-id']);
		d.keys(ctx(), K.esc);
		expect(marked(d.state)).toEqual([]);
		expect(d.state.search.value).toBe('a');
		d.keys(ctx(), K.esc);
		expect(d.state.search.value).toBe('');
	});

	test('with nothing shown, Space and V say why and mark nothing', () => {
		const d = drive();
		d.keys(ctx({destinations: []}), ' ');
		expect(d.state.toast?.text).toBe("Can't do that: no destination is shown.");
		d.keys(ctx({destinations: []}), 'V');
		expect(d.state.toast?.text).toBe("Can't do that: no destination is shown.");
		expect(d.state.marks.size).toBe(0);
	});
});

describe('sorting', () => {
	const order = (d: ReturnType<typeof drive>, c = ctx()) => visibleOf(d.state, c.destinations).map((x) => x.name);

	test('s sorts by the next column, S the other way; the selection stays on its destination; no request', () => {
		const d = drive();
		// LIST comes newest first: alpha ... echo. Select charlie.
		d.keys(ctx(), 'j', 'j');
		d.keys(ctx(), 'S');
		expect(d.state.sort).toEqual({column: 'created', descending: false});
		expect(order(d)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
		expect(d.selected()).toBe('charlie');
		expect(d.state.toast?.text).toBe('Sorted by created, oldest first.');
		d.keys(ctx(), 'j');
		expect(d.selected()).toBe('bravo');
		d.keys(ctx(), 's');
		expect(d.state.sort).toEqual({column: 'name', descending: false});
		expect(order(d)).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
		expect(d.selected()).toBe('bravo');
		d.keys(ctx(), 'S');
		expect(order(d)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
		expect(d.selected()).toBe('bravo');
		expect(d.state.toast?.text).toBe('Sorted by name, Z to A.');
		// The cursor moves through the new order.
		d.keys(ctx(), 'j');
		expect(d.selected()).toBe('alpha');
		expect(d.sent).toEqual([]);
	});

	test('sort and filters compose: the search narrows the sorted list and keeps its order', () => {
		const d = drive();
		d.keys(ctx(), 's', 'S', run('/a\r'));
		expect(order(d)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
		d.keys(ctx(), '3');
		expect(order(d)).toEqual(['delta', 'charlie', 'alpha']);
		d.keys(ctx(), K.esc, '0');
		expect(order(d)).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
		expect(d.sent).toEqual([]);
	});
});
