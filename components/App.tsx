// The main screen: header, filter chips, the list with its detail pane, status line and legend.
// All keys of the screen arrive here and are routed by mode, so a key never reaches two places.
import React, {useEffect, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import {ScreenKeysContext, type KeyHandler} from '../hooks/use-screen-keys.js';
import type {DestinationsStore} from '../hooks/destinations-store.js';
import {useMainScreen, type MainScreen} from '../hooks/use-main-screen.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {FILTERS, emptyReason} from '../src/view/filters.js';
import type {EditCommand} from '../src/wizard/line-editor.js';
import {CreateWizard} from './wizard/CreateWizard.js';
import {RotateForm} from './rotate/RotateForm.js';
import {DestinationList} from './DestinationList.js';
import {DetailPane} from './DetailPane.js';
import {DetailView} from './DetailView.js';
import {FilterChips} from './FilterChips.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {Legend} from './Legend.js';
import {isTooSmall, TooSmall} from './TooSmall.js';
import {StatusLine, statusRows} from './StatusLine.js';

export interface AppProps {
	store: DestinationsStore;
	sandbox: boolean;
	/** The API host shown in the header when not on the sandbox. */
	host: string;
	readOnly?: boolean;
	/** Writes the OSC 52 copy sequence; tests pass their own to see what would be copied. */
	copy: (text: string) => void;
	/** Clears and repaints the terminal (Ctrl-L). */
	redraw?: () => void;
	width?: number;
	height?: number;
	/** False while another screen (sign-in) is shown over this one: its keys go there. */
	keysActive?: boolean;
}

const WIDE = 110;

const NO_KEY: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
} as Key;

/** One key of a chunk as Ink would have reported it alone. */
function keyOf(ch: string): {input: string; key: Key} {
	if (ch === '\r' || ch === '\n') return {input: '', key: {...NO_KEY, return: true}};
	if (ch === '\t') return {input: '', key: {...NO_KEY, tab: true}};
	if (ch === '\x7f' || ch === '\b') return {input: '', key: {...NO_KEY, delete: true}};
	const code = ch.codePointAt(0)!;
	if (code >= 1 && code <= 26) return {input: String.fromCharCode(code + 96), key: {...NO_KEY, ctrl: true}};
	return {input: ch, key: {...NO_KEY, shift: ch !== ch.toLowerCase()}};
}

/**
 * The first key of what Ink delivered, and what is left for later. A run of several characters
 * (keys read together) is split: into single keys, or, in a prompt, into the text up to the first
 * control character and the keys after it.
 */
function splitRun(input: string, key: Key, typing: boolean): [{input: string; key: Key}, {input: string; key: Key} | undefined] {
	const chars = [...input];
	// A control character left over from a split run has no key flags yet.
	if (chars.length === 1 && /^[\r\n\t\x7f\b\u0001-\u001a]$/.test(input) && !(key.return || key.tab || key.ctrl || key.delete || key.backspace)) return [keyOf(input), undefined];
	if (chars.length <= 1 || key.ctrl || key.meta || input.startsWith('\x1b')) return [{input, key}, undefined];
	if (typing) {
		const text = /^[^\u0000-\u001f\u007f]+/.exec(input)?.[0];
		if (text) return [{input: text, key: NO_KEY}, text.length < input.length ? {input: input.slice(text.length), key: NO_KEY} : undefined];
	}
	const rest = chars.slice(1).join('');
	return [keyOf(chars[0]!), rest ? {input: rest, key: NO_KEY} : undefined];
}

/** Editing keys of the search and rename prompts. */
function editCommand(input: string, key: Key): EditCommand | undefined {
	if (key.leftArrow) return {kind: 'left'};
	if (key.rightArrow) return {kind: 'right'};
	if (key.home) return {kind: 'home'};
	if (key.end) return {kind: 'end'};
	// Ink reports the Backspace key (DEL) as `delete`.
	if (key.backspace || key.delete) return {kind: 'backspace'};
	if (key.ctrl) {
		const ctrl: Record<string, EditCommand> = {a: {kind: 'home'}, e: {kind: 'end'}, u: {kind: 'kill-to-start'}, k: {kind: 'kill-to-end'}, w: {kind: 'kill-word'}, d: {kind: 'delete-forward'}};
		return ctrl[input];
	}
	// Bracketed-paste markers arrive as their own keys; the text between them is typed text.
	if (key.meta || key.tab || key.escape || !input || input.startsWith('\x1b') || input === '[200~' || input === '[201~') return undefined;
	const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
	return text ? {kind: 'insert', text} : undefined;
}

function routeNormal(s: MainScreen, input: string, key: Key, page: number, exit: () => void, redraw?: () => void): void {
	if (key.upArrow || input === 'k') return s.moveTo(s.cursor - 1);
	if (key.downArrow || input === 'j') return s.moveTo(s.cursor + 1);
	if (key.pageUp) return s.moveTo(s.cursor - page);
	if (key.pageDown) return s.moveTo(s.cursor + page);
	if (key.home || input === 'g') return s.moveTo(0);
	if (key.end || input === 'G') return s.moveTo(s.visible.length - 1);
	if (key.return) return s.selected ? s.setMode('detail') : undefined;
	if (key.escape) {
		if (s.cancelRequests()) return;
		if (s.query) return s.setQuery('');
		return s.dismiss();
	}
	if (key.ctrl && input === 'l') {
		// Ink repaints only output that changed: after wiping the screen, change the status line.
		redraw?.();
		return s.show('info', 'Screen redrawn.');
	}
	if (key.ctrl || key.meta) return;
	const filter = FILTERS.find((f) => f.key === input);
	if (filter) return s.toggleFilter(filter.id);
	switch (input) {
		case '0': return s.resetFilters();
		case '/': return s.setMode('search');
		case 'a': return void s.archive();
		case 'u': return void s.undo();
		case 'r': return s.startRename();
		case 'd': return s.askDefault();
		case 'y': return s.copyRef();
		case 'n': return s.openCreate();
		case 'c': return s.openRotate();
		case 'R': return void s.refresh();
		case '?': return s.setMode('help');
		case 'q': return exit();
	}
}

export function App({store, sandbox, host, readOnly = false, copy, redraw, width: fixedWidth, height: fixedHeight, keysActive = true}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const {width, height} = useTerminalSize({width: fixedWidth, height: fixedHeight});
	const s = useMainScreen({store, readOnly, copy});
	const {mode, snap} = s;

	// Frame budget: header, chips, list header, status (2 lines while renaming), legend, and one
	// spare row so the frame stays shorter than the terminal (a taller one makes Ink repaint all).
	const wide = width >= WIDE;
	const listWidth = wide ? Math.floor(width * 0.6) : width;
	// A long error (or the rename prompt) takes more rows; beyond the spare one, the list gives way.
	const status = statusRows(s, Math.max(1, width - 1));
	const body = Math.max(3, height - 7 - Math.max(0, status - 2));
	// In a short terminal the pane gives way down to one row (it then says Enter shows the rest).
	const detailHeight = wide ? body + 1 : Math.min(9, Math.max(1, Math.floor(body / 2)));
	const tooSmall = isTooSmall(width, height);
	const listRows = wide ? body : Math.max(1, body - detailHeight - 1);

	// The detail view and the help scroll when the terminal is too short for them; each opens at
	// its top. The view reports how far it can scroll, so the keys stop at its end.
	const [scrollTop, setScrollTop] = useState(0);
	const maxScrollTop = useRef(0);
	const scroll = (to: (top: number) => number) => setScrollTop((t) => Math.max(0, Math.min(maxScrollTop.current, to(t))));
	useEffect(() => {
		setScrollTop(0);
	}, [mode]);
	const scrollKeys = (input: string, key: Key): void => {
		const page = Math.max(1, height - 5);
		if (key.downArrow || input === 'j') scroll((t) => t + 1);
		else if (key.upArrow || input === 'k') scroll((t) => t - 1);
		else if (key.pageDown || input === ' ') scroll((t) => t + page);
		else if (key.pageUp) scroll((t) => t - page);
		else if (key.home || input === 'g') scroll(() => 0);
		else if (key.end || input === 'G') scroll(() => Number.MAX_SAFE_INTEGER);
	};

	// One key per render: Ink hands over every key read in one go (and a run of plain characters
	// as one string) before React re-renders, so a handler could act on a stale selection ("ja"
	// typed fast would archive the row j left). Keys wait in a queue; each runs against the
	// state the previous one produced.
	const queue = useRef<{input: string; key: Key}[]>([]);
	const waiting = useRef(false);
	const [, rendered] = useReducer((n: number) => n + 1, 0);
	const route = (input: string, key: Key): void => {
		// Ink's own Ctrl-C exit is off so the wizard can ask before dropping typed input.
		if (key.ctrl && input === 'c') return exit();
		// Nothing to act on that cannot be seen: only quitting (from the list, not a prompt).
		if (tooSmall) return mode === 'normal' && input === 'q' ? exit() : undefined;
		if (mode === 'normal') return routeNormal(s, input, key, listRows, exit, redraw);
		if (mode === 'search') {
			if (key.escape) {
				s.setQuery('');
				s.setMode('normal');
			} else if (key.return) s.setMode('normal');
			else if (key.upArrow) s.moveTo(s.cursor - 1);
			else if (key.downArrow) s.moveTo(s.cursor + 1);
			else {
				const command = editCommand(input, key);
				if (command) s.editSearch(command);
			}
			return;
		}
		if (mode === 'rename') {
			if (key.escape) s.setMode('normal');
			else if (key.return) void s.submitRename();
			else {
				const command = editCommand(input, key);
				if (command) s.editRename(command);
			}
			return;
		}
		if (mode === 'confirm') return void s.answerConfirm(input === 'y' || input === 'Y');
		if (mode === 'help') {
			if (key.escape || input === '?' || input === 'q') s.setMode('normal');
			else scrollKeys(input, key);
			return;
		}
		if (mode === 'detail') {
			if (key.escape || input === 'q' || key.leftArrow) s.setMode('normal');
			else if (input === 'y') s.copyRef();
			else scrollKeys(input, key);
		}
	};
	// The wizard and the rotation form get their keys from here too (hooks/use-screen-keys.ts).
	const screenKeys = useRef<KeyHandler | undefined>(undefined);
	const runNext = (): void => {
		const next = queue.current.shift();
		if (!next) return;
		waiting.current = true;
		if (mode === 'create' || mode === 'rotate') {
			// What Ink read goes whole (those screens take typed text and pastes as one run); what is
			// left of a run split here goes as typed text and keys. Nothing while they are done.
			let first = next;
			if (next.key === NO_KEY) {
				const [head, rest] = splitRun(next.input, next.key, true);
				if (rest) queue.current.unshift(rest);
				first = head;
			}
			screenKeys.current?.(first.input, first.key);
		} else {
			// Typed text goes into a prompt whole; anywhere else a run of characters is that many keys.
			const typing = mode === 'search' || mode === 'rename';
			const [first, rest] = splitRun(next.input, next.key, typing);
			if (rest) queue.current.unshift(rest);
			route(first.input, first.key);
		}
		rendered();
	};
	useEffect(() => {
		waiting.current = false;
		if (queue.current.length > 0) runNext();
	});
	useInput(
		(input, key) => {
			queue.current.push({input, key});
			if (!waiting.current) runNext();
		},
		{isActive: keysActive},
	);

	if (mode === 'create') {
		return (
			<ScreenKeysContext.Provider value={screenKeys}>
				<CreateWizard
					existing={snap.destinations}
					create={(body, options) => store.create(body, options)}
					lookup={(name) => store.lookupByName(name)}
					onCreated={s.created}
					onCancel={() => s.setMode('normal')}
					width={width}
					height={height - 1}
				/>
			</ScreenKeysContext.Provider>
		);
	}
	if (mode === 'rotate' && s.selected) {
		const target = s.selected;
		return (
			<ScreenKeysContext.Provider value={screenKeys}>
				<RotateForm
					destination={target}
					rotate={(parameters, options) => store.rotate(target.id, parameters, options)}
					onDone={s.rotated}
					onCancel={() => s.setMode('normal')}
					width={width}
					height={height - 1}
				/>
			</ScreenKeysContext.Provider>
		);
	}

	if (tooSmall) return <TooSmall width={width} height={height} />;
	const header = <Header sandbox={sandbox} host={host} readOnly={readOnly} busy={snap.pending > 0} />;
	if (mode === 'help') {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<HelpOverlay ctx={s.ctx} width={width} height={height - 2} top={scrollTop} onMaxTop={(n) => (maxScrollTop.current = n)} />
			</Box>
		);
	}
	if (mode === 'detail' && s.selected) {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<DetailView destination={s.selected} store={store} width={width} height={height - 2 - status} top={scrollTop} onMaxTop={(n) => (maxScrollTop.current = n)} />
				<StatusLine screen={s} width={width} />
			</Box>
		);
	}

	// 'idle' is the first frame, before the start-up load has begun: it is loading too, not empty.
	const loading = (snap.active === 'idle' || snap.active === 'loading') && snap.destinations.length === 0;
	const empty = loading ? 'Loading destinations…' : snap.active === 'error' ? 'Nothing loaded yet: press R to retry.' : emptyReason(snap.destinations.length, s.filters, s.query);
	const list = <DestinationList items={s.visible} cursor={s.cursor} width={listWidth} height={listRows} query={s.query} empty={empty} />;
	const detail = <DetailPane destination={s.selected} width={wide ? width - listWidth - 2 : width} height={detailHeight} />;
	return (
		<Box flexDirection="column" width={width}>
			{header}
			<FilterChips filters={s.filters} query={s.query} shown={s.visible.length} total={snap.destinations.length} loadingArchived={snap.archived === 'loading'} />
			{wide ? (
				<Box>
					{list}
					<Box marginLeft={2}>{detail}</Box>
				</Box>
			) : (
				<>
					{list}
					<Text dimColor>{'─'.repeat(Math.max(0, width - 1))}</Text>
					{detail}
				</>
			)}
			<StatusLine screen={s} width={width} />
			<Legend width={width - 1} readOnly={readOnly} />
		</Box>
	);
}
