// What the status line says when it carries an error, and how many rows it takes, so the frame can
// leave room for it before it is drawn.
import type {StoreSnapshot} from '../store/destinations-store.js';
import type {MainState} from './main-state.js';
import {running} from './batch.js';
import {batchMessages, messages} from './messages.js';
import {wrapLines} from './text.js';

/** Errors carry the server's reason at their end, so they wrap (up to this many rows) instead of being cut. */
export const MAX_ERROR_ROWS = 3;

/** A question names what is at stake (for a bulk archive, each destination): it may take more, and its [y/N] is never cut. */
export const MAX_QUESTION_ROWS = 6;

const rowsFor = (text: string, width: number, max = MAX_ERROR_ROWS) => Math.max(1, wrapLines(text, width, max).length);

/** The question the status line asks now, its [y/N] included. */
export function questionText({mode}: MainState): string | undefined {
	if (mode.kind !== 'confirm') return undefined;
	const q = mode.question;
	const text =
		q.kind === 'archive'
			? messages.archiveQuestion(q.warning, q.destinations.length)
			: q.kind === 'batch'
				? batchMessages.question(q.plan, q.warning)
				: messages.defaultQuestion(q, q.unset, q.replaces);
	return `${text}[y/N]`;
}

/** The error the status line shows now, if any. */
export function errorText(state: MainState, snap: StoreSnapshot): string | undefined {
	const {mode, toast} = state;
	if (mode.kind === 'rename') return mode.error;
	if (mode.kind !== 'normal' && mode.kind !== 'detail') return undefined;
	if (snap.waiting || running(state.batch)) return undefined;
	if (toast) return toast.tone === 'error' ? `✗ ${toast.text}` : undefined;
	if (snap.active === 'error' && snap.loadError) return `✗ ${messages.loadFailed(snap.loadError)}`;
	return undefined;
}

/** How many rows the status line takes now, so the screen can leave room for it. */
export function statusRows(state: MainState, snap: StoreSnapshot, width: number): number {
	const question = questionText(state);
	if (question) return rowsFor(question, width, MAX_QUESTION_ROWS);
	const error = errorText(state, snap);
	const rows = error ? rowsFor(error, width) : 1;
	return state.mode.kind === 'rename' ? rows + 1 : rows;
}
