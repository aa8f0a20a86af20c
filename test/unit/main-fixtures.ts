// The main screen's reducer driven as the hook drives it, for the reducer's unit tests: a list of
// five destinations (bravo is someone else's), a context, and every request the state asks for.
import type {Destination} from '../../src/schemas.js';
import type {Key, KeyEvent} from '../../src/keys/read.js';
import {mainReducer, type MainAction} from '../../src/view/main-reducer.js';
import {
	initialMain,
	selection,
	takeRequests,
	visibleOf,
	type MainContext,
	type MainRequest,
	type MainState,
} from '../../src/view/main-state.js';
import {realFiles} from '../../src/wizard/gcs-source.js';
import type {UsageCount} from '../../src/view/usage.js';
import {typed} from './key-fixtures.js';
import {dest} from './view-fixtures.js';

export const LIST: Destination[] = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((name, i) =>
	dest({
		id: `${name}-id`,
		name,
		'pl:ref': `pl:destinations/${name}-id`,
		created: `2025-06-0${9 - i}T00:00:00Z`,
		owner: name !== 'bravo',
		write: name !== 'bravo',
	}),
);

export const ctx = (over: Partial<MainContext> = {}): MainContext => ({
	destinations: LIST,
	loading: false,
	pending: 0,
	canUndo: false,
	readOnly: false,
	tooSmall: false,
	listRows: 2,
	viewRows: 3,
	maxTop: 4,
	files: realFiles,
	...over,
});

/** Runs actions like the hook does, collecting every request the state asks for. */
export function drive(state: MainState = initialMain) {
	const sent: MainRequest[] = [];
	let s = state;
	const act = (action: MainAction) => {
		const [next, requests] = takeRequests(mainReducer(s, action));
		s = next;
		sent.push(...requests);
	};
	return {
		get state() {
			return s;
		},
		sent,
		act,
		keys: (c: MainContext, ...events: (KeyEvent | Key | string)[]) => {
			for (const e of events) act({type: 'key', event: typeof e === 'string' || 'name' in e ? typed(e) : e, ctx: c});
		},
		selected: (c = ctx()) => selection(s, visibleOf(s, c.destinations)).selected?.name,
		/** The look-up before an archive answers: every destination it asked about counts `count`. */
		check: (count: UsageCount, c: MainContext = ctx()) => {
			const request = [...sent].reverse().find((r) => r.kind === 'check-archive');
			if (request?.kind !== 'check-archive') throw new Error('no look-up was asked for');
			act({type: 'checked', request, counts: new Map(request.destinations.map((x) => [x.id, count])), ctx: c});
		},
	};
}
