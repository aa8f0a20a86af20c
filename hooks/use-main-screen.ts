// The main screen's state (mode, selection, filters, search, rename, confirmation) and its
// actions. Keys are routed to these by the App; every request goes through the shared store.
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {NAME_FIELD} from '../src/catalogue/providers.js';
import {ApiError} from '../src/api/errors.js';
import type {Destination} from '../src/api/types.js';
import {sanitize} from '../src/sanitize.js';
import {disabledReason, type CommandContext, type CommandId} from '../src/view/commands.js';
import {applyFilters, FILTERS, INITIAL_FILTERS, needsArchived, nextTri, type FilterId, type Filters} from '../src/view/filters.js';
import type {DestinationsStore} from './destinations-store.js';
import {useStore} from './use-store.js';
import {edit, emptyLine, lineOf, type EditCommand, type LineState} from '../src/wizard/line-editor.js';
import {useToast} from './use-toast.js';

export type Mode = 'normal' | 'search' | 'rename' | 'confirm' | 'help' | 'detail' | 'create' | 'rotate';

export interface MainScreenOptions {
	store: DestinationsStore;
	readOnly: boolean;
	/** Writes a copy sequence to the terminal (OSC 52); injected so tests can see it. */
	copy: (text: string) => void;
}

export const describeError = (err: unknown): string => {
	if (err instanceof ApiError) return err.serverMessage ? `${err.explanation} Server said: ${sanitize(err.serverMessage)}` : err.explanation;
	return 'Something unexpected went wrong.';
};

export function useMainScreen({store, readOnly, copy}: MainScreenOptions) {
	const snap = useStore(store);
	const {toast, show, dismiss} = useToast();
	const [mode, setMode] = useState<Mode>('normal');
	const [filters, setFilters] = useState<Filters>(INITIAL_FILTERS);
	// The search and rename prompts keep a value and a cursor here, edited through pure functions
	// with functional updates, so keys that arrive together are never applied to stale text.
	const [searchLine, setSearchLine] = useState<LineState>(emptyLine);
	const query = searchLine.value;
	const setQuery = useCallback((q: string) => setSearchLine(lineOf(q)), []);
	const editSearch = useCallback((command: EditCommand) => setSearchLine((l) => edit(l, command)), []);
	const [selectedId, setSelectedId] = useState<string>();
	const lastIndex = useRef(0);
	const [renameLine, setRenameLine] = useState<LineState>(emptyLine);
	const renameDraft = renameLine.value;
	const [renameError, setRenameError] = useState<string>();
	const [renaming, setRenaming] = useState(false);
	const [confirm, setConfirm] = useState<{id: string; unset: boolean; name: string}>();

	const visible = useMemo(() => applyFilters(snap.destinations, filters, query), [snap.destinations, filters, query]);
	let cursor = selectedId ? visible.findIndex((d) => d.id === selectedId) : -1;
	if (cursor === -1) cursor = Math.min(lastIndex.current, Math.max(0, visible.length - 1));
	lastIndex.current = cursor;
	const selected: Destination | undefined = visible[cursor];
	// When the remembered row is hidden (a search, a filter, an archive), the cursor falls on a
	// neighbour: that row is now the selection, so clearing the search keeps what the user saw.
	useEffect(() => {
		if (selected && selected.id !== selectedId) setSelectedId(selected.id);
	}, [selected, selectedId]);

	useEffect(() => {
		void store.loadActive();
	}, [store]);

	// The first time a filter shows archived destinations, fetch them: once.
	useEffect(() => {
		if (needsArchived(filters) && snap.archived === 'idle') void store.loadArchived();
	}, [filters, snap.archived, store]);

	const ctx: CommandContext = {readOnly, selected, canUndo: snap.undo.length > 0};
	/** Runs a command if allowed; otherwise says why, before any request is sent. */
	const guard = useCallback(
		(id: CommandId): boolean => {
			const reason = disabledReason(id, ctx);
			if (reason) show('error', `Can't do that: ${reason}.`);
			return !reason;
		},
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[readOnly, selected, snap.undo.length, show],
	);

	const moveTo = useCallback(
		(index: number) => {
			const i = Math.max(0, Math.min(visible.length - 1, index));
			lastIndex.current = i;
			setSelectedId(visible[i]?.id);
		},
		[visible],
	);

	const toggleFilter = (id: FilterId) => setFilters((f) => ({...f, [id]: nextTri(f[id])}));
	const resetFilters = () => setFilters(INITIAL_FILTERS);

	const archive = async () => {
		if (!guard('archive') || !selected) return;
		const target = selected;
		const verb = target.archived ? 'Unarchived' : 'Archived';
		try {
			await store.toggleArchive(target.id);
			show('ok', `${verb} ${sanitize(target.name)}. Press u to undo.`);
		} catch (err) {
			show('error', `${verb === 'Archived' ? 'Archiving' : 'Unarchiving'} ${sanitize(target.name)} failed, so it is back as it was. ${describeError(err)}`);
		}
	};

	const undo = async () => {
		if (!guard('undo')) return;
		try {
			const d = await store.undoArchive();
			if (d) show('ok', `Undone: ${sanitize(d.name)} is ${d.archived ? 'archived' : 'active'} again.`);
		} catch (err) {
			show('error', `Undo failed, nothing changed. ${describeError(err)}`);
		}
	};

	const startRename = () => {
		if (!guard('rename') || !selected) return;
		// What the server sent may hold control characters: the prompt shows it cleaned, like the list.
		setRenameLine(lineOf(sanitize(selected.name)));
		setRenameError(undefined);
		setMode('rename');
	};

	/** Checked like the API (3..63 characters, unique in the org) before anything is sent. */
	const renameProblem = (name: string, id: string): string | undefined => {
		const problem = NAME_FIELD.validate(name);
		if (problem) return `The name ${problem}.`;
		const clash = snap.destinations.find((d) => d.name === name && d.id !== id);
		if (clash) return `"${sanitize(name)}" is already taken in your organisation.`;
		return undefined;
	};

	const submitRename = async () => {
		if (!selected || renaming) return;
		const name = renameDraft;
		if (name === selected.name || name === sanitize(selected.name)) {
			setMode('normal');
			return;
		}
		const problem = renameProblem(name, selected.id);
		if (problem) {
			setRenameError(problem);
			return;
		}
		setRenaming(true);
		try {
			const d = await store.rename(selected.id, name);
			setSelectedId(d.id);
			setMode('normal');
			show('ok', `Renamed to ${sanitize(d.name)}. New ref: ${sanitize(d['pl:ref'])} (y copies it)`);
		} catch (err) {
			// The draft stays: the user fixes one thing and presses Enter again.
			setRenameError(`Rename failed: ${describeError(err)}`);
		} finally {
			setRenaming(false);
		}
	};

	const askDefault = () => {
		if (!guard('default') || !selected) return;
		setConfirm({id: selected.id, unset: selected.default, name: sanitize(selected.name)});
		setMode('confirm');
	};

	const answerConfirm = async (yes: boolean) => {
		const c = confirm;
		setConfirm(undefined);
		setMode('normal');
		if (!c || !yes) {
			if (c) show('info', 'Default unchanged.');
			return;
		}
		try {
			await store.toggleDefault(c.id);
			show('ok', c.unset ? `${c.name} is no longer the default; your organisation has none now.` : `${c.name} is now your organisation's default (pl:destinations/default).`);
		} catch (err) {
			show('error', `Changing the default failed, so it is back as it was. ${describeError(err)}`);
		}
	};

	const copyRef = () => {
		if (!guard('copy') || !selected) return;
		// The pl:ref is all that is copied: never a parameter, never a secret.
		const ref = sanitize(selected['pl:ref']);
		copy(ref);
		show('ok', `Copied ${ref}`);
	};

	const refresh = async () => {
		show('info', 'Reloading from the server…');
		await store.refresh();
		const s = store.getSnapshot();
		if (s.active === 'loaded') show('ok', `Reloaded: ${s.destinations.length} destinations.`);
	};

	const openCreate = () => {
		if (guard('new')) setMode('create');
	};
	const openRotate = () => {
		if (guard('rotate')) setMode('rotate');
	};

	/** After the wizard: show the new destination even if the filters would hide it. */
	const created = (d: Destination) => {
		setFilters((f) => (FILTERS.some((spec) => f[spec.id] !== 'any' && (f[spec.id] === 'yes') !== spec.test(d)) ? INITIAL_FILTERS : f));
		setQuery('');
		setSelectedId(d.id);
		setMode('normal');
		show('ok', `Created ${sanitize(d.name)}: ${sanitize(d['pl:ref'])} (y copies it)`);
	};

	const rotated = (d: Destination) => {
		setMode('normal');
		show('ok', `Credentials of ${sanitize(d.name)} rotated; updated ${sanitize(d.updated)}.`);
	};

	const cancelRequests = () => {
		const n = store.cancelAll();
		if (n > 0) show('info', `Cancelled ${n === 1 ? 'the request' : `${n} requests`} in flight.`);
		return n > 0;
	};

	return {
		snap, toast, show, dismiss, mode, setMode, filters, toggleFilter, resetFilters, query, setQuery,
		visible, cursor, selected, moveTo, ctx,
		searchLine, editSearch,
		renameDraft, renameLine, editRename: (command: EditCommand) => { setRenameLine((l) => edit(l, command)); setRenameError(undefined); }, renameError, renaming, submitRename, startRename,
		confirm, askDefault, answerConfirm,
		archive, undo, copyRef, refresh, openCreate, openRotate, created, rotated, cancelRequests,
	};
}

export type MainScreen = ReturnType<typeof useMainScreen>;
