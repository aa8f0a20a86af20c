// The main screen's hook: its pure reducer (src/view/main-reducer.ts), the requests the state asks
// for, and its messages expiring. Each key is reduced against the state the previous one left and
// the store as it is at that moment, and what it asks for is sent before the next key is read, so
// keys read together act in order by construction ("ja" archives the row j moved to).
import type {Copier} from '../src/view/clipboard.js';
import {useCallback, useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Destination} from '../src/api/types.js';
import {loadingFirstList, type DestinationsChanges, type DestinationsReads} from '../src/store/destinations-store.js';
import {useStore} from './use-store.js';
import {useKeys} from './use-keys.js';
import {needsArchived} from '../src/view/filters.js';
import {warmCollation} from '../src/view/sort.js';
import {initialMain, takeRequests, type MainContext, type MainRequest, type MainState} from '../src/view/main-state.js';
import {mainReducer, type MainAction} from '../src/view/main-reducer.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {sendCreate} from '../src/wizard/send.js';

export interface MainScreenOptions {
	store: DestinationsReads;
	/** Left out with --read-only: then no change can be sent. */
	changes?: DestinationsChanges;
	/** Copies to the clipboard and says how (src/cli/clipboard.ts); injected so tests can see it. */
	copy: Copier;
	/** Clears and repaints the terminal (Ctrl-L). */
	redraw?: () => void;
	exit: () => void;
	files?: FileAccess;
	/** False while another screen (sign-in) is shown over this one: its keys go there. */
	keysActive?: boolean;
}

/** What only the frame knows: the rows the list and the scrolling views show. */
export type ScreenLayout = Pick<MainContext, 'tooSmall' | 'listRows' | 'viewRows' | 'maxTop'>;

/** How long after the list is up the collator is built (after the code cache is written, src/loader.ts). */
const WARM_COLLATION_MS = 1500;

/** Success and info messages clear themselves; errors stay until replaced or dismissed. */
const MESSAGE_MS = 4000;

interface Env {
	options: MainScreenOptions;
	/** The form's request in flight, for Esc to abort. */
	form: {current: AbortController | undefined};
	/** Stops the batch's request in flight, if it is not sent yet (still waiting for its turn). */
	step: {current: AbortController | undefined};
	dispatch: (action: MainAction) => void;
	/** What the screen knows now, for an answer that lets keys typed meanwhile act. */
	context: () => MainContext;
}

/** Sends one request and reports its answer back to the reducer; never throws. */
function perform(request: MainRequest, {options, form, step, dispatch, context}: Env): void {
	const {store, changes, copy, redraw, exit} = options;
	const report = (run: (changes: DestinationsChanges) => Promise<Destination | undefined>) => {
		// Read-only: the reducer asks for no change; were it to, there is nothing to send it with.
		if (!changes) return;
		run(changes).then(
			(destination) => dispatch({type: 'done', request, destination}),
			(error: unknown) => dispatch({type: 'failed', request, error}),
		);
	};
	switch (request.kind) {
		case 'archive':
			return report((c) => c.toggleArchive(request.destination.id));
		case 'undo':
			if (!changes) return;
			return void changes.undoArchive().then(
				(undo) => dispatch({type: 'done', request, undo}),
				(error: unknown) => dispatch({type: 'failed', request, error}),
			);
		case 'batch-step': {
			const controller = (step.current = new AbortController());
			return report((c) => c.setArchived(request.item.id, request.item.archive, {unsent: controller.signal}));
		}
		case 'batch-stop':
			return step.current?.abort();
		case 'take-undo':
			return void changes?.takeUndo();
		case 'remember-batch':
			return changes?.rememberBatch(request.batch);
		case 'restore-default':
			if (!changes) return;
			return void changes.restoreDefault(request.id).then((restored) => dispatch({type: 'done', request, restored}));
		case 'check-archive':
			return void store
				.usageCounts(request.destinations.map((d) => d.id))
				.then((counts) => dispatch({type: 'checked', request, counts, ctx: context()}));
		case 'rename':
			return report((c) => c.rename(request.id, request.name));
		case 'default':
			return report((c) => c.toggleDefault(request.id));
		case 'refresh':
			return void store.refresh().then(() => {
				const after = store.getSnapshot();
				dispatch(
					after.active === 'loaded'
						? {type: 'done', request, count: after.destinations.length}
						: {type: 'failed', request, error: after.loadError},
				);
			});
		case 'create': {
			if (!changes) return;
			const controller = (form.current = new AbortController());
			const access = {create: changes.create.bind(changes), list: store.listActive.bind(store), existing: store.getSnapshot().destinations};
			return void sendCreate(request, access, controller.signal).then((action) => dispatch({type: 'wizard', action}));
		}
		case 'rotate': {
			if (!changes) return;
			const controller = (form.current = new AbortController());
			return void changes.rotate(request.id, request.parameters, {signal: controller.signal}).then(
				(destination) => dispatch({type: 'rotation', action: {type: 'rotated', destination}}),
				(error: unknown) => dispatch({type: 'rotation', action: {type: 'failed', error}}),
			);
		}
		case 'abort-form':
			return form.current?.abort();
		case 'cancel':
			return void store.cancelAll();
		case 'copy':
			return void Promise.resolve()
				.then(() => copy(request.text))
				.then(
					(copied) => dispatch({type: 'done', request, copied: copied ?? undefined}),
					(error: unknown) => dispatch({type: 'failed', request, error}),
				);
		case 'redraw':
			return redraw?.();
		case 'quit':
			return exit();
	}
}

export function useMainScreen(options: MainScreenOptions) {
	const {store} = options;
	const snap = useStore(store);
	const [state, setState] = useState<MainState>(initialMain);
	// The state as the last action left it: keys read together are reduced one after the other,
	// before React renders any of them.
	const current = useRef<MainState>(initialMain);
	const latest = useRef(options);
	const layout = useRef<ScreenLayout>({tooSmall: false, listRows: 1, viewRows: 1, maxTop: 0});
	const form = useRef<AbortController | undefined>(undefined);
	const step = useRef<AbortController | undefined>(undefined);
	useLayoutEffect(() => {
		latest.current = options;
	});

	const context = useCallback((): MainContext => {
		const now = latest.current.store.getSnapshot();
		return {
			destinations: now.destinations,
			loading: loadingFirstList(now),
			pending: now.pending,
			canUndo: now.undo.length > 0,
			undoTop: now.undo.at(-1),
			readOnly: !latest.current.changes,
			files: latest.current.files ?? realFiles,
			...layout.current,
		};
	}, []);

	const dispatch = useCallback(
		function dispatch(action: MainAction): void {
			const before = current.current;
			const [next, requests] = takeRequests(mainReducer(before, action));
			if (next === before) return;
			current.current = next;
			setState(next);
			for (const request of requests) perform(request, {options: latest.current, form, step, dispatch, context});
		},
		[context],
	);

	useKeys((events) => {
		for (const event of events) dispatch({type: 'key', event, ctx: context()});
	}, options.keysActive ?? true);

	useEffect(() => {
		void store.loadActive();
	}, [store]);

	// The keys typed before the first list arrived run once it is in.
	const loading = loadingFirstList(snap);
	useEffect(() => {
		if (!loading && current.current.early.length > 0) dispatch({type: 'list-ready', ctx: context()});
	}, [loading, dispatch, context]);

	// Once the list is up and the screen idle, the collator is built (ICU loads its data then, some
	// 10-30 ms), so neither the start-up nor the first sort by name pays for it.
	useEffect(() => {
		if (loading) return;
		const timer = setTimeout(warmCollation, WARM_COLLATION_MS);
		return () => clearTimeout(timer);
	}, [loading]);

	// The first time a filter shows archived destinations, fetch them: once.
	useEffect(() => {
		if (needsArchived(state.filters) && snap.archived === 'idle') void store.loadArchived();
	}, [state.filters, snap.archived, store]);

	const {toast} = state;
	useEffect(() => {
		if (!toast || toast.tone === 'error') return;
		const timer = setTimeout(() => dispatch({type: 'toast-expired', id: toast.id}), MESSAGE_MS);
		return () => clearTimeout(timer);
	}, [toast, dispatch]);

	/** The frame tells the screen how many rows its list and views show (read when a key comes). */
	const setLayout = useCallback((next: ScreenLayout) => {
		layout.current = next;
	}, []);

	return {state, snap, setLayout};
}
