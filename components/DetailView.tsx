import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import type {Destination} from '../src/api/types.js';
import type {DestinationsReads} from '../src/store/destinations-store.js';
import {useStore} from '../hooks/use-store.js';
import {messages} from '../src/view/messages.js';
import {sanitize} from '../src/sanitize.js';
import {detailLines} from '../src/view/detail.js';
import {wrapDetail} from '../src/view/detail-layout.js';
import {cellWidth, pad, truncate} from '../src/view/text.js';
import {tone} from './theme.js';
import {deliveryLines} from '../src/view/usage.js';
import {moreText, scrollWindow} from '../src/view/list-window.js';
import {shortHints} from '../src/view/commands.js';

export interface DetailViewProps {
	destination: Destination;
	store: DestinationsReads;
	width: number;
	height: number;
	/** The first row shown (the screen scrolls with j/k, PgUp/PgDn, g/G); clamped here. */
	top?: number;
	/** Told the largest useful `top`, so the keys that scroll stop at the end. */
	onMaxTop?: (maxTop: number) => void;
}

/** Enter: everything about one destination, and who delivers to it (fetched once, on demand).
 * Nothing is cut short (the delivery blocks are what people copy into orders): long values
 * wrap in their column, and a terminal too short for it all scrolls. */
export function DetailView({destination, store, width, height, top = 0, onMaxTop}: DetailViewProps): React.JSX.Element {
	useStore(store);
	const ref = destination['pl:ref'];
	useEffect(() => {
		void store.loadUsage(ref);
	}, [store, ref]);
	const usage = store.usageOf(ref);
	const {labelWidth, rows} = wrapDetail(detailLines(destination, {reveal: true}), width);
	const usageLines: string[] = [];
	if (!usage || usage.state === 'loading') usageLines.push('Looking up orders and subscriptions that deliver here…');
	else if (usage.state === 'error') usageLines.push(messages.usageFailed(usage.error));
	else {
		usageLines.push(...deliveryLines(usage.orders, usage.subscriptions));
	}
	const all = [
		...rows.map((r) => ({label: r.full ? undefined : r.label, text: r.text})),
		...usageLines.map((text) => ({label: undefined, text: truncate(text, width)})),
	];
	// The title takes a row; when everything does not fit, the last row says what is out of view.
	const room = Math.max(1, height - 1);
	const {first, end, scrolls, maxTop, below} = scrollWindow(all.length, room, top);
	onMaxTop?.(maxTop);
	const shown = all.slice(first, end);
	// The keys stay in view however long the name: it is the name that is cut.
	const keys = ` · ${shortHints(scrolls ? ['close', 'copy', 'scroll'] : ['close', 'copy'], 'detail')}`;
	const title = `${truncate(sanitize(destination.name), Math.max(8, width - 1 - cellWidth(keys)))}${keys}`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={tone.accent()} wrap="truncate-end">
				{title}
			</Text>
			{shown.map((r, i) => (
				<Text key={first + i} wrap="truncate-end">
					{r.label === undefined ? (
						r.text
					) : (
						<>
							<Text bold>{pad(r.label, labelWidth)}</Text> {r.text}
						</>
					)}
				</Text>
			))}
			{scrolls ? (
				<Text color={tone.accent()} wrap="truncate-end">
					{[moreText(first, below), shortHints(['scroll', 'scroll-page'], 'detail')].filter(Boolean).join(' · ')}
				</Text>
			) : null}
		</Box>
	);
}
