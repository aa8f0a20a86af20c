// The main screen: header, filter chips, the list with its detail pane, status line and legend.
// All keys of the screen arrive here and are routed by mode, so a key never reaches two places.
import React from 'react';
import {Box, Text, useApp, useInput, type Key} from 'ink';
import type {DestinationsStore} from '../hooks/destinations-store.js';
import {useMainScreen, type MainScreen} from '../hooks/use-main-screen.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {FILTERS, emptyReason} from '../src/view/filters.js';
import {CreateWizard} from './wizard/CreateWizard.js';
import {RotateForm} from './rotate/RotateForm.js';
import {DestinationList} from './DestinationList.js';
import {DetailPane} from './DetailPane.js';
import {DetailView} from './DetailView.js';
import {FilterChips} from './FilterChips.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {Legend} from './Legend.js';
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
}

const WIDE = 110;

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
	if (key.ctrl && input === 'l') return redraw?.();
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

export function App({store, sandbox, host, readOnly = false, copy, redraw, width: fixedWidth, height: fixedHeight}: AppProps): React.JSX.Element {
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
	const detailHeight = wide ? body + 1 : Math.min(9, Math.max(3, Math.floor(body / 2)));
	const listRows = wide ? body : Math.max(1, body - detailHeight - 1);

	useInput(
		(input, key) => {
			// Ink's own Ctrl-C exit is off so the wizard can ask before dropping typed input.
			if (key.ctrl && input === 'c') return exit();
			if (mode === 'normal') return routeNormal(s, input, key, listRows, exit, redraw);
			if (mode === 'search') {
				if (key.escape) {
					s.setQuery('');
					s.setMode('normal');
				} else if (key.upArrow) s.moveTo(s.cursor - 1);
				else if (key.downArrow) s.moveTo(s.cursor + 1);
				return;
			}
			if (mode === 'rename') {
				if (key.escape) s.setMode('normal');
				return;
			}
			if (mode === 'confirm') return void s.answerConfirm(input === 'y' || input === 'Y');
			if (mode === 'help') {
				if (key.escape || input === '?' || input === 'q') s.setMode('normal');
				return;
			}
			if (mode === 'detail') {
				if (key.escape || input === 'q' || key.leftArrow) s.setMode('normal');
				else if (input === 'y') s.copyRef();
			}
		},
		{isActive: mode !== 'create' && mode !== 'rotate'},
	);

	if (mode === 'create') {
		return (
			<CreateWizard
				existing={snap.destinations}
				create={(body, options) => store.create(body, options)}
				lookup={(name) => store.lookupByName(name)}
				onCreated={s.created}
				onCancel={() => s.setMode('normal')}
				width={width}
				height={height - 1}
			/>
		);
	}
	if (mode === 'rotate' && s.selected) {
		const target = s.selected;
		return (
			<RotateForm
				destination={target}
				rotate={(parameters, options) => store.rotate(target.id, parameters, options)}
				onDone={s.rotated}
				onCancel={() => s.setMode('normal')}
				width={width}
				height={height - 1}
			/>
		);
	}

	const header = <Header sandbox={sandbox} host={host} readOnly={readOnly} busy={snap.pending > 0} />;
	if (mode === 'help') {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<HelpOverlay ctx={s.ctx} width={width} height={height - 2} />
			</Box>
		);
	}
	if (mode === 'detail' && s.selected) {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<DetailView destination={s.selected} store={store} width={width} height={height - 2 - status} />
				<StatusLine screen={s} width={width} />
			</Box>
		);
	}

	const loading = snap.active === 'loading' && snap.destinations.length === 0;
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
			<Legend width={width - 1} />
		</Box>
	);
}
