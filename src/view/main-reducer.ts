// The main screen as a pure reducer: keys (main-keys.ts), the answers to the requests it asked
// the hook to send, and its messages expiring. Like the wizard's, its state holds what is to be
// sent; hooks/use-main-screen.ts sends it and reports back here.
import type {Destination} from '../schemas.js';
import type {RotationAction} from '../wizard/rotation-state.js';
import {makeRotationReducer} from '../wizard/rotation-state.js';
import type {WizardAction} from '../wizard/wizard-state.js';
import {wizardReducer} from '../wizard/wizard-state.js';
import type {KeyEvent} from '../keys/read.js';
import {batchMessages, messages} from './messages.js';
import type {DefaultRestored, UndoOutcome} from '../store/destinations-store.js';
import type {CopyOutcome} from './clipboard.js';
import {nextItem, notUndone, retryable, stepDone, undoEntries, type Batch} from './batch.js';
import {afterRotation, afterWizard, onKeyEvent, replay} from './main-keys.js';
import {NO_READ, send, show, type MainContext, type MainRequest, type MainState} from './main-state.js';
import {archiveConcerns, archiveWarning, type UsageCount} from './usage.js';

export type MainAction =
	| {type: 'key'; event: KeyEvent; ctx: MainContext}
	/** The first list is in (or failed): the keys typed ahead of it run now. */
	| {type: 'list-ready'; ctx: MainContext}
	| {
			type: 'done';
			request: MainRequest;
			destination?: Destination;
			count?: number;
			undo?: UndoOutcome;
			copied?: CopyOutcome;
			restored?: DefaultRestored;
	  }
	/** What delivers to the destinations about to be archived (request `check-archive`). */
	| {type: 'checked'; request: Extract<MainRequest, {kind: 'check-archive'}>; counts: ReadonlyMap<string, UsageCount>; ctx: MainContext}
	| {type: 'failed'; request: MainRequest; error: unknown}
	| {type: 'wizard'; action: Exclude<WizardAction, {type: 'key'}>}
	| {type: 'rotation'; action: Exclude<RotationAction, {type: 'key'}>}
	| {type: 'toast-expired'; id: number};

export function mainReducer(s: MainState, action: MainAction): MainState {
	switch (action.type) {
		case 'key':
			return onKeyEvent(s, action.event, action.ctx);
		case 'list-ready':
			return replay({...s, early: []}, s.early, action.ctx);
		case 'done':
			if (action.request.kind === 'copy') return show(s, 'ok', messages.copied(action.request.text, action.copied));
			if (action.request.kind === 'batch-step') return afterStep(s, action.request);
			if (action.request.kind === 'restore-default') return onDefaultRestored(s, action.request.name, action.restored);
			return action.request.kind === 'undo' ? onUndone(s, action.undo) : onDone(s, action.request, action.destination, action.count);
		case 'checked':
			return onChecked(s, action.request, action.counts, action.ctx);
		case 'failed':
			if (action.request.kind === 'batch-step') return afterStep(s, action.request, action.error ?? new Error('failed'));
			return onFailed(s, action.request, action.error);
		case 'wizard':
			return s.mode.kind === 'create' ? afterWizard(s, s.mode.wizard, wizardReducer(s.mode.wizard, action.action)) : s;
		case 'rotation': {
			const mode = s.mode;
			if (mode.kind !== 'rotate' || !mode.rotation) return s;
			return afterRotation(s, mode.destination, mode.rotation, makeRotationReducer(mode.destination)(mode.rotation, action.action));
		}
		case 'toast-expired':
			return s.toast?.id === action.id ? {...s, toast: undefined} : s;
	}
}

/**
 * The look-up before an archive is back: nothing at stake archives at once (and the keys typed
 * meanwhile act); else the question, which no key typed before it appeared answers.
 */
function onChecked(
	s: MainState,
	request: Extract<MainRequest, {kind: 'check-archive'}>,
	counts: ReadonlyMap<string, UsageCount>,
	ctx: MainContext,
): MainState {
	const mode = s.mode;
	// Esc stopped waiting (or the screen moved on): the answer changes nothing.
	if (mode.kind !== 'checking' || mode.destinations !== request.destinations) return s;
	// As they are now: the default may have moved while the look-up travelled.
	const now = mode.destinations.map((d) => ctx.destinations.find((x) => x.id === d.id) ?? d);
	const warning = archiveWarning(archiveConcerns(now, counts));
	// The marked rows: one question always, naming what is at stake.
	if (mode.plan)
		return {
			...s,
			early: [],
			mode: {kind: 'confirm', question: {kind: 'batch', plan: mode.plan, ...(warning ? {warning} : {})}, askedIn: NO_READ},
		};
	if (warning) return {...s, early: [], mode: {kind: 'confirm', question: {kind: 'archive', destinations: now, warning}, askedIn: NO_READ}};
	const archived = send({...s, mode: {kind: 'normal'}, early: []}, ...now.map((destination) => ({kind: 'archive' as const, destination})));
	return replay(archived, s.early, ctx);
}

/** A batch's request is answered: the next goes out, or the batch ends. */
function afterStep(s: MainState, request: Extract<MainRequest, {kind: 'batch-step'}>, error?: unknown): MainState {
	const b = s.batch;
	// Only the answer to the request in flight moves the batch on.
	if (!b || b.finished || b.items[b.next]?.id !== request.item.id) return s;
	const next = stepDone(b, error);
	const item = nextItem(next);
	if (item) return send({...s, batch: next}, {kind: 'batch-step', item});
	return next.finished ? finishBatch({...s, batch: next}, next) : {...s, batch: next};
}

/** The batch is over: say how it went, remember it for `u`, and keep marked what is worth a retry. */
function finishBatch(s: MainState, b: Batch): MainState {
	const missed = b.results.some((r) => r.outcome === 'refused' || r.outcome === 'failed');
	const told = show(s, missed ? 'error' : b.results.some((r) => r.outcome === 'stopped') ? 'info' : 'ok', batchMessages.summary(b));
	if (b.kind === 'undo') {
		const restore = b.items.find((i) => i.wasDefault && b.results.some((r) => r.id === i.id && r.outcome === 'done'));
		const again = notUndone(b);
		let out = again.length ? send(told, {kind: 'remember-batch', batch: again}) : told;
		if (restore) out = send(out, {kind: 'restore-default', id: restore.id, name: restore.name});
		return out;
	}
	const marks = new Set([...s.marks, ...retryable(b)]);
	return send({...told, marks}, {kind: 'remember-batch', batch: undoEntries(b)});
}

function onDefaultRestored(s: MainState, name: string, restored: DefaultRestored | undefined): MainState {
	const d = {name};
	if (!restored || restored.kind === 'restored') return show(s, 'ok', messages.defaultBack(d));
	if (restored.kind === 'taken') return show(s, 'info', messages.defaultTaken(d, restored.by));
	return show(s, 'error', messages.defaultNotBack(d, restored.error));
}

function onUndone(s: MainState, undo: UndoOutcome | undefined): MainState {
	if (!undo) return s;
	const d = undo.destination;
	if (!undo.default) return show(s, 'ok', messages.undone(d));
	if (undo.default.kind === 'restored') return show(s, 'ok', messages.undoneDefault(d));
	if (undo.default.kind === 'taken') return show(s, 'info', messages.undoneDefaultTaken(d, undo.default.by));
	return show(s, 'error', messages.undoneDefaultFailed(d, undo.default.error));
}

function onDone(s: MainState, request: MainRequest, d: Destination | undefined, count: number | undefined): MainState {
	switch (request.kind) {
		case 'archive':
			return show(s, 'ok', messages.archived(request.destination, request.destination.archived === null));
		case 'rename': {
			if (!d) return s;
			const renaming = s.mode.kind === 'rename' && s.mode.id === request.id;
			return show({...s, mode: renaming ? {kind: 'normal'} : s.mode, selectedId: d.id}, 'ok', messages.renamed(d));
		}
		case 'default':
			return show(s, 'ok', messages.defaultSet(request, request.unset));
		case 'refresh':
			return show(s, 'ok', messages.reloaded(count ?? 0));
		default:
			return s;
	}
}

function onFailed(s: MainState, request: MainRequest, error: unknown): MainState {
	switch (request.kind) {
		case 'archive':
			return show(s, 'error', messages.archiveFailed(request.destination, request.destination.archived === null, error));
		case 'undo':
			return show(s, 'error', messages.undoFailed(error));
		case 'rename':
			// The draft stays: the user fixes one thing and presses Enter again.
			if (s.mode.kind === 'rename' && s.mode.id === request.id)
				return {...s, mode: {...s.mode, sending: false, error: messages.renameFailed(error)}};
			return show(s, 'error', messages.renameFailed(error));
		case 'default':
			return show(s, 'error', messages.defaultFailed(error));
		case 'refresh':
			// The status line then says what went wrong (the load error), at once.
			return {...s, toast: undefined};
		case 'copy':
			return show(s, 'error', messages.copyFailed(error));
		default:
			return s;
	}
}
