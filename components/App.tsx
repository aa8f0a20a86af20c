// The main screen: header, filter chips, the list with its detail pane, status line and legend; or,
// by mode, the help, the full details, the wizard or the rotation form. It lays the frame out and
// draws the state; what keys do is the reducer's (src/view/main-keys.ts), reached through one hook.
import type {Copier} from '../src/view/clipboard.js';
import React, {useLayoutEffect, useRef} from 'react';
import {Box, Text, useApp} from 'ink';
import {loadingFirstList, type DestinationsChanges, type DestinationsReads} from '../src/store/destinations-store.js';
import {useMainScreen} from '../hooks/use-main-screen.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {frameLayout} from '../src/view/layout.js';
import {statusRows} from '../src/view/status.js';
import {markCount, markedOf, selection, visibleOf} from '../src/view/main-state.js';
import {running} from '../src/view/batch.js';
import {realFiles, type FileAccess} from '../src/wizard/gcs-source.js';
import {WizardView} from './wizard/CreateWizard.js';
import {RotateView} from './rotate/RotateForm.js';
import {DestinationList} from './DestinationList.js';
import {BatchPane} from './BatchPane.js';
import {DetailPane} from './DetailPane.js';
import {DetailView} from './DetailView.js';
import {FilterChips} from './FilterChips.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {Legend} from './Legend.js';
import {TooSmall} from './TooSmall.js';
import {messages} from '../src/view/messages.js';
import {dim} from './theme.js';
import {StatusLine} from './StatusLine.js';

export interface AppProps {
	/** The cache's reads: all the screen needs to browse. */
	store: DestinationsReads;
	/** The changes; left out with --read-only, so the screen has no way to send one. */
	changes?: DestinationsChanges;
	sandbox: boolean;
	/** The API host shown in the header when not on the sandbox. */
	host: string;
	/** Writes the OSC 52 copy sequence; tests pass their own to see what would be copied. */
	copy: Copier;
	/** Clears and repaints the terminal (Ctrl-L). */
	redraw?: () => void;
	width?: number;
	height?: number;
	/** File access for a GCS key's "load from file" (tests may pass their own). */
	files?: FileAccess;
	/** False while another screen (sign-in) is shown over this one: its keys go there. */
	keysActive?: boolean;
}

export function App({
	store,
	changes,
	sandbox,
	host,
	copy,
	redraw,
	width: fixedWidth,
	height: fixedHeight,
	files = realFiles,
	keysActive = true,
}: AppProps): React.JSX.Element {
	const {exit} = useApp();
	const {width, height} = useTerminalSize({width: fixedWidth, height: fixedHeight});
	const readOnly = !changes;
	const {state, snap, setLayout} = useMainScreen({store, changes, copy, redraw, exit, files, keysActive});
	const {mode} = state;
	const visible = visibleOf(state, snap.destinations);
	const {cursor, selected} = selection(state, visible);

	const status = statusRows(state, snap, Math.max(1, width - 1));
	const {wide, tooSmall, listWidth, detailWidth, listRows, detailHeight, viewRows} = frameLayout(width, height, status);

	// The detail view and the help scroll when the terminal is too short for them; each tells how
	// far it can scroll, so the keys stop at its end.
	const maxTop = useRef(0);
	useLayoutEffect(() => {
		setLayout({tooSmall, listRows, viewRows, maxTop: maxTop.current});
	});
	const onMaxTop = (n: number) => {
		maxTop.current = n;
	};

	if (mode.kind === 'create') {
		return <WizardView state={mode.wizard} existing={snap.destinations} files={files} width={width} height={height - 1} />;
	}
	if (mode.kind === 'rotate') {
		return (
			<RotateView
				destination={mode.destination}
				state={mode.rotation}
				refused={mode.refused}
				files={files}
				width={width}
				height={height - 1}
			/>
		);
	}

	if (tooSmall) return <TooSmall width={width} height={height} />;
	const header = (
		<Header
			sandbox={sandbox}
			host={host}
			readOnly={readOnly}
			busy={snap.pending > 0}
			marked={markCount(state, snap.destinations, visible)}
		/>
	);
	if (mode.kind === 'help') {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<HelpOverlay
					ctx={{
						readOnly,
						selected,
						canUndo: snap.undo.length > 0,
						marked: markedOf(state, snap.destinations).length,
						batchRunning: running(state.batch),
					}}
					width={width}
					height={height - 2}
					top={mode.top}
					onMaxTop={onMaxTop}
				/>
			</Box>
		);
	}
	const shown = mode.kind === 'detail' ? snap.destinations.find((d) => d.id === mode.id) : undefined;
	if (mode.kind === 'detail' && shown) {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<DetailView destination={shown} store={store} width={width} height={height - 2 - status} top={mode.top} onMaxTop={onMaxTop} />
				<StatusLine state={state} snap={snap} width={width} />
			</Box>
		);
	}

	// 'idle' is the first frame, before the start-up load has begun: it is loading too, not empty.
	const query = state.search.value;
	const empty = loadingFirstList(snap)
		? 'Loading destinations…'
		: snap.active === 'error'
			? messages.nothingLoaded
			: messages.emptyList(snap.destinations.length, state.filters, query);
	const list = (
		<DestinationList
			items={visible}
			cursor={cursor}
			marks={state.marks}
			sort={state.sort}
			width={listWidth}
			height={listRows}
			query={query}
			empty={empty}
		/>
	);
	// A batch's results take the detail pane's place while it runs, and until Esc.
	const detail = state.batch ? (
		<BatchPane batch={state.batch} width={detailWidth} height={detailHeight} />
	) : (
		<DetailPane destination={selected} width={detailWidth} height={detailHeight} />
	);
	return (
		<Box flexDirection="column" width={width}>
			{header}
			<FilterChips
				filters={state.filters}
				query={query}
				shown={visible.length}
				total={snap.destinations.length}
				loadingArchived={snap.archived === 'loading'}
			/>
			{wide ? (
				<Box>
					{list}
					<Box marginLeft={2}>{detail}</Box>
				</Box>
			) : (
				<>
					{list}
					<Text dimColor={dim()}>{'─'.repeat(Math.max(0, width - 1))}</Text>
					{detail}
				</>
			)}
			<StatusLine state={state} snap={snap} width={width} />
			<Legend width={width - 1} readOnly={readOnly} />
		</Box>
	);
}
