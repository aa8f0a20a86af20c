// What one write of keys may cause on the server, judged from the screen it was written on: the
// permits the ledger (ledger.ts) spends on the changes the sandbox reports. A change that needs a
// question is only permitted by a y written while the question was on screen. Pure.
import type {Permit, PermitKind} from './ledger.js';
import type {ScreenModel} from './screen-model.js';
import type {SoakKey} from './vocabulary.js';

export interface Permits {
	permits: Permit[];
	/** The write presses Enter on the wizard's review (one create may follow). */
	createPress: boolean;
}

/** `key`: the write's number in the run (for the report); `time`: when it was written (epoch ms). */
export function permitsFor(keys: readonly SoakKey[], model: ScreenModel, time: number, key: number): Permits {
	const permits: Permit[] = [];
	let createPress = false;
	const give = (kind: PermitKind, uses = 1) => permits.push({kind, time, uses, key});
	if (model.kind === 'rotate' && model.form === 'choice' && rotateAnswered(keys, model.yesFocused)) give('rotate');
	const listLike = (model.kind === 'list' && (model.list === 'normal' || model.list === 'checking')) || model.kind === 'starting';
	let textOpened = false;
	let renameOpened = model.kind === 'list' && model.list === 'rename';
	keys.forEach((k, i) => {
		const first = i === 0;
		const b = k.bytes;
		if (listLike && !textOpened) {
			if (b === 'a' && model.marked === 0) give('archive');
			if (b === 'u') give('undo', 2);
			if (b === 'r') renameOpened = true;
			if (b === '/' || b === 'r' || b === 'n' || b === 'c') textOpened = true;
		}
		if (b === '\r' && renameOpened && (first || keys.length > 1)) give('rename');
		// Enter on the review sends the create, or (its request in flight) does nothing; the answer may
		// come between the screen the soak read and the key, so each such Enter may send one create.
		if (model.kind === 'wizard' && b === '\r' && (keys.length > 1 || (first && model.form === 'review'))) {
			give('create');
			createPress = true;
		}
		if (!first) return;
		if (model.kind === 'list' && model.list === 'confirm' && (b === 'y' || b === 'Y')) {
			const q = model.question!;
			give(q.kind === 'default' ? 'default' : q.kind === 'archive' ? 'archive-asked' : 'batch', q.count);
		}
	});
	return {permits, createPress};
}

/**
 * "Rotate now?" was on screen: keys that move between No and Yes or do nothing keep it open,
 * so a y (or Enter on Yes) later in the same write still answers a question the user saw.
 */
export function rotateAnswered(keys: readonly SoakKey[], yesFocused: boolean): boolean {
	let yes = yesFocused;
	for (const k of keys) {
		if (k.bytes === 'y' || k.bytes === 'Y') return true;
		if (k.bytes === '\r') return yes;
		if (['n', 'N', '\x1b', '\x03'].includes(k.bytes)) return false;
		if (['\x1b[C', '\t', '\x1b[B'].includes(k.bytes)) yes = true;
		if (['\x1b[D', '\x1b[Z', '\x1b[A'].includes(k.bytes)) yes = false;
	}
	return false;
}
