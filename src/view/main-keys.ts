// What each key does on the main screen, by mode: looked up in the key map (commands.ts), one
// case per command. Keys read together are applied one after the other, each to the state the
// previous one left; the forms get their keys whole (a run may be a pasted key).
import {NAME_FIELD} from '../catalogue/providers.js';
import {editCommandOf} from '../keys/editing.js';
import {keysOf, keysOfEvent, type Key, type KeyEvent} from '../keys/read.js';
import {sanitize} from '../sanitize.js';
import type {Destination} from '../schemas.js';
import {initialRotation, makeRotationReducer, rotationRefusal, type RotationState} from '../wizard/rotation-state.js';
import {initialWizard, wizardReducer, type WizardState} from '../wizard/wizard-state.js';
import {commandFor, type Command, type CommandBinding, type KeyMode} from './commands.js';
import {INITIAL_FILTERS, matchesFilters, nextTri, type FilterId} from './filters.js';
import {edit, emptyLine, lineOf, pastedText, type LineState} from './line-editor.js';
import {batchMessages, messages} from './messages.js';
import {nextItem, planBatch, planUndo, running, startBatch, stopBatch, type BatchPlan} from './batch.js';
import {nextSort, reverseSort} from './sort.js';
import {markedOf, moveTo, selection, send, settle, show, visibleOf, type MainContext, type MainState, type Question} from './main-state.js';

/** Keys typed ahead of the first list are kept up to this many. */
const MAX_EARLY = 256;

/** A question is on screen: the main screen's y/N, "leave the form?" or "rotate now?". */
export function asking(s: MainState): boolean {
	const m = s.mode;
	if (m.kind === 'confirm') return true;
	if (m.kind === 'create') return m.wizard.confirmLeave;
	return m.kind === 'rotate' && !!m.rotation && (m.rotation.confirmLeave || m.rotation.phase === 'confirm');
}

/**
 * Keys typed while the screen waited (for the first list, for a look-up), applied in order. Once
 * one of them opens a question the rest were typed before it could be seen: they are dropped, so
 * none of them answers it.
 */
export function replay(s: MainState, events: readonly KeyEvent[], ctx: MainContext): MainState {
	let acc = s;
	for (const event of events) {
		if (asking(acc)) break;
		acc = onKeyEvent(acc, event, ctx);
	}
	return acc;
}

export function onKeyEvent(s: MainState, event: KeyEvent, ctx: MainContext): MainState {
	if (s.mode.kind === 'create' || s.mode.kind === 'rotate') return onForm(s, event, ctx);
	if (event.kind === 'paste') return onPaste(s, event.text);
	if (event.kind === 'run') return keysOf(event.text).reduce((acc, key) => onKeyEvent(acc, {kind: 'key', key, read: event.read}, ctx), s);
	const next = onKey(s, event.key, event.read, ctx);
	// Like a person watching the screen: the row the cursor now shows is the selection.
	return next.mode.kind === 'create' || next.mode.kind === 'rotate' || ctx.loading ? next : settle(next, visibleOf(next, ctx.destinations));
}

type Hit = {command: Command; binding: CommandBinding} | undefined;

function onKey(s: MainState, key: Key, read: number, ctx: MainContext): MainState {
	const mode = s.mode.kind as KeyMode;
	const hit = commandFor(mode, key);
	if (hit?.command.id === 'quit') return send(s, {kind: 'quit'});
	// Nothing to act on that cannot be seen: only quitting.
	if (ctx.tooSmall) return s;
	switch (s.mode.kind) {
		case 'normal':
			return onList(s, hit, key, read, ctx);
		case 'search':
			return onSearch(s, hit, key, ctx);
		case 'rename':
			return onRename(s, s.mode, hit, key, ctx);
		case 'confirm':
			// A key typed together with the one that asked was typed before the question showed.
			if (read === s.mode.askedIn) return s;
			return onAnswer({...s, mode: {kind: 'normal'}}, s.mode.question, hit?.command.id === 'answer-yes');
		case 'checking':
			if (hit?.command.id === 'check-cancel')
				return show({...s, mode: {kind: 'normal'}, early: []}, 'info', messages.notArchived(s.mode.destinations));
			return {...s, early: [...s.early, {kind: 'key' as const, key, read}].slice(0, MAX_EARLY)};
		case 'help':
		case 'detail':
			return onView(s, s.mode, hit, ctx);
		default:
			return s;
	}
}

function onList(s: MainState, hit: Hit, key: Key, read: number, ctx: MainContext): MainState {
	// Before the first list is in, keys wait for it (Esc, which stops the load, acts at once).
	if (ctx.loading && hit?.command.id !== 'escape')
		return {...s, early: [...s.early, {kind: 'key' as const, key, read}].slice(0, MAX_EARLY)};
	if (!hit) return s;
	const id = hit.command.id;
	const visible = visibleOf(s, ctx.destinations);
	s = settle(s, visible);
	const {cursor, selected} = selection(s, visible);
	const marked = markedOf(s, ctx.destinations);
	const reason = hit.command.disabled?.({
		readOnly: ctx.readOnly,
		selected,
		canUndo: ctx.canUndo,
		marked: marked.length,
		batchRunning: running(s.batch),
	});
	if (reason) return show(s, 'error', messages.refused(reason));
	const arg = hit.binding.arg;
	switch (id) {
		case 'move':
			return moveTo(s, visible, cursor + (arg as number));
		case 'jump':
			return moveTo(s, visible, arg === 'first' ? 0 : visible.length - 1);
		case 'page':
			return moveTo(s, visible, cursor + (arg as number) * Math.max(1, ctx.listRows));
		case 'open':
			return {...s, mode: {kind: 'detail', id: selected!.id, top: 0}};
		case 'mark': {
			if (arg === 'one') {
				const marks = new Set(s.marks);
				if (!marks.delete(selected!.id)) marks.add(selected!.id);
				return moveTo({...s, marks}, visible, cursor + 1);
			}
			// All shown already marked: V takes their marks off again (and only theirs).
			const unmark = visible.every((d) => s.marks.has(d.id));
			const marks = new Set(s.marks);
			for (const d of visible)
				if (unmark) marks.delete(d.id);
				else marks.add(d.id);
			return show({...s, marks}, 'info', messages.markedShown(visible.length, !unmark));
		}
		case 'sort': {
			// The selection is the destination, not the row: it stays on it wherever it moves.
			const sort = arg === 'next' ? nextSort(s.sort) : reverseSort(s.sort);
			return show({...s, sort}, 'info', messages.sorted(sort));
		}
		case 'escape':
			// A batch first: stop it (before its next request), or put its results away.
			if (running(s.batch)) return s.batch.stopping ? s : send({...s, batch: stopBatch(s.batch)}, {kind: 'batch-stop'});
			if (s.batch) return {...s, batch: undefined};
			if (ctx.pending > 0)
				return show(
					send({...s, early: []}, {kind: 'cancel'}),
					'info',
					ctx.loading ? messages.loadCancelled : messages.cancelled(ctx.pending),
				);
			if (s.marks.size > 0) return {...s, marks: new Set()};
			if (s.search.value) return {...s, search: emptyLine};
			return {...s, toast: undefined};
		case 'search':
			return {...s, mode: {kind: 'search'}};
		case 'filters':
			return {...s, filters: {...s.filters, [arg as FilterId]: nextTri(s.filters[arg as FilterId])}};
		case 'reset-filters':
			return {...s, filters: INITIAL_FILTERS};
		case 'archive': {
			if (marked.length > 0) return askBatch(s, marked, read);
			// Unarchiving takes nothing away: at once. Archiving asks first when something is at stake.
			return selected!.archived !== null ? send(s, {kind: 'archive', destination: selected!}) : checkArchive(s, [selected!]);
		}
		case 'undo':
			// A batch is undone as it was made: step by step, at the pace the API allows.
			if (ctx.undoTop && ctx.undoTop.length > 1) return startBatchRun(s, planUndo(ctx.undoTop, ctx.destinations));
			return send(s, {kind: 'undo'});
		case 'rename':
			// What the server sent may hold control characters: the prompt shows it cleaned, like the list.
			return {...s, mode: {kind: 'rename', id: selected!.id, line: lineOf(sanitize(selected!.name)), error: undefined, sending: false}};
		case 'default': {
			const current = ctx.destinations.find((d) => d.default && d.id !== selected!.id);
			const question = {
				kind: 'default' as const,
				id: selected!.id,
				unset: selected!.default,
				name: selected!.name,
				replaces: current?.name,
			};
			return {...s, mode: {kind: 'confirm', question, askedIn: read}};
		}
		case 'copy':
			return copyRef(s, selected!);
		case 'new':
			return {...s, mode: {kind: 'create', wizard: initialWizard}};
		case 'rotate': {
			const refused = rotationRefusal(selected!);
			return {...s, mode: {kind: 'rotate', destination: selected!, rotation: refused ? undefined : initialRotation(selected!), refused}};
		}
		case 'refresh':
			return show(send(s, {kind: 'refresh'}), 'info', messages.reloading);
		case 'redraw':
			// Ink repaints only output that changed: after wiping the screen, the status line changes.
			return show(send(s, {kind: 'redraw'}), 'info', messages.redrawn);
		case 'help':
			return {...s, mode: {kind: 'help', top: 0}};
		default:
			return s;
	}
}

/**
 * Archiving `destinations`: first what delivers to them is counted (the hook sends the look-up;
 * the reducer's `checked` action carries the counts back), then they are archived at once, or a
 * question names what is at stake.
 */
export function checkArchive(s: MainState, destinations: readonly Destination[], plan?: BatchPlan): MainState {
	return send({...s, mode: {kind: 'checking', destinations, ...(plan ? {plan} : {})}}, {kind: 'check-archive', destinations});
}

/**
 * `a` with rows marked: one question for all of them, whatever is at stake. Archiving first looks
 * up what delivers to them (so the question can name what is in use); unarchiving asks at once.
 */
function askBatch(s: MainState, marked: readonly Destination[], read: number): MainState {
	const plan = planBatch(marked);
	if (plan.items.length === 0) return show(s, 'error', messages.refused(batchMessages.nothingToDo(plan)));
	if (plan.kind === 'archive') {
		const ids = new Set(plan.items.map((i) => i.id));
		return checkArchive(
			s,
			marked.filter((d) => ids.has(d.id)),
			plan,
		);
	}
	return {...s, mode: {kind: 'confirm', question: {kind: 'batch', plan}, askedIn: read}};
}

/** y: the batch starts. Its rows lose their marks (those worth another try get them back at the end). */
export function startBatchRun(s: MainState, plan: BatchPlan): MainState {
	const batch = startBatch(plan);
	const first = nextItem(batch);
	const started: MainState = {...s, mode: {kind: 'normal'}, batch, marks: plan.kind === 'undo' ? s.marks : new Set()};
	const taken = plan.kind === 'undo' ? send(started, {kind: 'take-undo'}) : started;
	return first ? send(taken, {kind: 'batch-step', item: first}) : taken;
}

function onAnswer(s: MainState, question: Question, yes: boolean): MainState {
	if (question.kind === 'batch') return yes ? startBatchRun(s, question.plan) : show(s, 'info', batchMessages.notSent(question.plan));
	if (question.kind === 'archive') {
		if (!yes) return show(s, 'info', messages.notArchived(question.destinations));
		return send(s, ...question.destinations.map((destination) => ({kind: 'archive' as const, destination})));
	}
	return yes
		? send(s, {kind: 'default', id: question.id, unset: question.unset, name: question.name})
		: show(s, 'info', messages.defaultUnchanged);
}

/** The pl:ref is all that is copied: never a parameter, never a secret. */
function copyRef(s: MainState, d: Destination): MainState {
	const ref = sanitize(d['pl:ref']);
	// The message comes with the outcome: it says how the text was copied.
	return send(s, {kind: 'copy', text: ref});
}

const editLine = (line: LineState, key: Key): LineState => {
	const command = editCommandOf(key);
	return command ? edit(line, command) : line;
};

function onSearch(s: MainState, hit: Hit, key: Key, ctx: MainContext): MainState {
	switch (hit?.command.id) {
		case 'search-keep':
			return {...s, mode: {kind: 'normal'}};
		case 'search-clear':
			return {...s, search: emptyLine, mode: {kind: 'normal'}};
		case 'move': {
			const visible = visibleOf(s, ctx.destinations);
			const settled = settle(s, visible);
			return moveTo(settled, visible, selection(settled, visible).cursor + (hit.binding.arg as number));
		}
		default:
			return {...s, search: editLine(s.search, key)};
	}
}

/** Checked like the API (3..63 characters, unique in the org) before anything is sent. */
function renameProblem(name: string, id: string, all: readonly Destination[]): string | undefined {
	const problem = NAME_FIELD.validate(name);
	if (problem) return `The name ${problem}.`;
	if (all.some((d) => d.name === name && d.id !== id)) return `"${sanitize(name)}" is already taken in your organisation.`;
	return undefined;
}

function onRename(s: MainState, mode: Extract<MainState['mode'], {kind: 'rename'}>, hit: Hit, key: Key, ctx: MainContext): MainState {
	switch (hit?.command.id) {
		case 'rename-cancel':
			return {...s, mode: {kind: 'normal'}};
		case 'rename-submit': {
			const target = ctx.destinations.find((d) => d.id === mode.id);
			const name = mode.line.value;
			if (mode.sending) return s;
			if (!target || name === target.name || name === sanitize(target.name)) return {...s, mode: {kind: 'normal'}};
			const problem = renameProblem(name, mode.id, ctx.destinations);
			if (problem) return {...s, mode: {...mode, error: problem}};
			return send({...s, mode: {...mode, sending: true}}, {kind: 'rename', id: mode.id, name});
		}
		default:
			return {...s, mode: {...mode, line: editLine(mode.line, key), error: undefined}};
	}
}

function onPaste(s: MainState, text: string): MainState {
	const insert = (line: LineState) => edit(line, {kind: 'insert', text: pastedText(text, false)});
	if (s.mode.kind === 'search') return {...s, search: insert(s.search)};
	if (s.mode.kind === 'rename') return {...s, mode: {...s.mode, line: insert(s.mode.line), error: undefined}};
	return s;
}

function onView(s: MainState, mode: Extract<MainState['mode'], {kind: 'help' | 'detail'}>, hit: Hit, ctx: MainContext): MainState {
	const scroll = (to: number) => ({...s, mode: {...mode, top: Math.max(0, Math.min(ctx.maxTop, to))}});
	const arg = hit?.binding.arg;
	switch (hit?.command.id) {
		case 'close':
			return {...s, mode: {kind: 'normal'}};
		case 'copy': {
			const d = ctx.destinations.find((x) => x.id === (mode as {id?: string}).id);
			return d ? copyRef(s, d) : s;
		}
		case 'scroll':
			return scroll(mode.top + (arg as number));
		case 'scroll-page':
			return scroll(mode.top + (arg as number) * Math.max(1, ctx.viewRows));
		case 'scroll-ends':
			return scroll(arg === 'first' ? 0 : ctx.maxTop);
		default:
			return s;
	}
}

/** The forms read their own keys (src/wizard/keys.ts); Esc while one sends aborts its request. */
function onForm(s: MainState, event: KeyEvent, ctx: MainContext): MainState {
	const mode = s.mode;
	const escape = keysOfEvent(event).some((k) => k.name === 'escape');
	if (mode.kind === 'create') {
		if (mode.wizard.phase === 'sending') return escape ? send(s, {kind: 'abort-form'}) : s;
		return afterWizard(
			s,
			mode.wizard,
			wizardReducer(mode.wizard, {type: 'key', event, ctx: {existing: ctx.destinations, files: ctx.files}}),
		);
	}
	if (mode.kind !== 'rotate') return s;
	if (!mode.rotation) return escape || keysOfEvent(event).some((k) => k.name === 'enter') ? {...s, mode: {kind: 'normal'}} : s;
	if (mode.rotation.phase === 'sending') return escape ? send(s, {kind: 'abort-form'}) : s;
	return afterRotation(
		s,
		mode.destination,
		mode.rotation,
		makeRotationReducer(mode.destination)(mode.rotation, {type: 'key', event, files: ctx.files}),
	);
}

/** The wizard's new state: its request goes out, and its outcome ends it. */
export function afterWizard(s: MainState, before: WizardState, after: WizardState): MainState {
	let next: MainState = {...s, mode: {kind: 'create', wizard: after}};
	if (after.request && after.request !== before.request)
		next = send(next, {kind: 'create', body: after.request.body, checkFirst: after.request.checkFirst});
	if (after.outcome?.kind === 'cancelled') return {...next, mode: {kind: 'normal'}};
	if (after.outcome?.kind === 'created') {
		// The new destination is shown even if the filters or the search would hide it.
		const d = after.outcome.destination;
		const filters = matchesFilters(d, next.filters) ? next.filters : INITIAL_FILTERS;
		return show({...next, mode: {kind: 'normal'}, filters, search: emptyLine, selectedId: d.id}, 'ok', messages.created(d));
	}
	return next;
}

export function afterRotation(s: MainState, destination: Destination, before: RotationState, after: RotationState): MainState {
	let next: MainState = {...s, mode: {kind: 'rotate', destination, rotation: after}};
	if (after.request && after.request !== before.request)
		next = send(next, {kind: 'rotate', id: destination.id, parameters: after.request.parameters});
	if (after.outcome?.kind === 'cancelled') return {...next, mode: {kind: 'normal'}};
	if (after.outcome?.kind === 'rotated') return show({...next, mode: {kind: 'normal'}}, 'ok', messages.rotated(after.outcome.destination));
	return next;
}
