// A batch's rows and what happened to each, in place of the detail pane while it runs and until
// Esc puts it away: done ✓, refused or failed ✗ with the reason, not sent ·, skipped –.
import React from 'react';
import {Box, Text} from 'ink';
import {batchLines, progressBar, type Batch} from '../src/view/batch.js';
import {listWindow} from '../src/view/list-window.js';
import {batchMessages} from '../src/view/messages.js';
import {pad} from '../src/view/text.js';
import {tone} from './theme.js';

export interface BatchPaneProps {
	batch: Batch;
	width: number;
	height: number;
}

const BAR = 20;

export function BatchPane({batch, width, height}: BatchPaneProps): React.JSX.Element {
	const {lines, current} = batchLines(batch, (r) => batchMessages.result(batch.kind, r));
	const nameWidth = Math.min(32, Math.max(8, ...lines.map((l) => [...l.name].length)));
	const done = batch.results.filter((r) => r.outcome === 'done').length;
	const title = batch.finished
		? batchMessages.finished(batch, progressBar(done, batch.items.length, BAR))
		: batchMessages.progress(batch, progressBar(batch.results.length, batch.items.length, BAR));
	const {top, end} = listWindow(lines.length, current, Math.max(0, height - 1));
	const colour = (t: (typeof lines)[number]['tone']) =>
		t === 'ok' ? tone.ok() : t === 'error' ? tone.error() : t === 'pending' ? tone.accent() : undefined;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{title}
			</Text>
			{lines.slice(top, end).map((l, i) => (
				<Text key={top + i} wrap="truncate-end" color={colour(l.tone)}>
					{`${l.glyph} ${pad(l.name, nameWidth)} ${l.text}`}
				</Text>
			))}
		</Box>
	);
}
