import React, {useEffect} from 'react';
import {Box, Text} from 'ink';
import type {Destination} from '../src/api/types.js';
import type {DestinationsStore} from '../hooks/destinations-store.js';
import {useStore} from '../hooks/use-store.js';
import {describeError} from '../hooks/use-main-screen.js';
import {sanitize} from '../src/sanitize.js';
import {detailLines} from '../src/view/detail.js';
import {relativeTime} from '../src/view/time.js';
import {tone} from './inputs/theme.js';

/** Enter: everything about one destination, and who delivers to it (fetched once, on demand). */
export function DetailView({destination, store, width, height}: {destination: Destination; store: DestinationsStore; width: number; height: number}): React.JSX.Element {
	useStore(store);
	const ref = destination['pl:ref'];
	useEffect(() => {
		void store.loadUsage(ref);
	}, [store, ref]);
	const usage = store.usageOf(ref);
	const lines = detailLines(destination);
	const labelWidth = Math.max(...lines.map((l) => l.label.length));
	const usageLines: string[] = [];
	if (!usage || usage.state === 'loading') usageLines.push('Looking up orders and subscriptions that deliver here…');
	else if (usage.state === 'error') usageLines.push(`Could not list what delivers here. ${describeError(usage.error)}`);
	else {
		usageLines.push(`Orders delivering here: ${usage.orders.length}${usage.orders.length ? '' : ' (none on the first page)'}`);
		for (const o of usage.orders) usageLines.push(`  ${sanitize(o.name) || sanitize(o.id)} · ${sanitize(o.state)} · ${relativeTime(o.last_modified ?? o.created_on)}`);
		usageLines.push(`Subscriptions delivering here: ${usage.subscriptions.length}`);
		for (const s of usage.subscriptions) usageLines.push(`  ${sanitize(s.name) || sanitize(s.id)} · ${sanitize(s.status)} · ${relativeTime(s.updated ?? s.created)}`);
	}
	// Nothing here is cut short: the delivery blocks are what people copy into orders, so long
	// values wrap. The usage lines get the rows left over, and say when some do not fit.
	const rowsOf = (text: string) => Math.max(1, Math.ceil([...text].length / Math.max(1, width)));
	const used = 1 + lines.reduce((n, l) => n + rowsOf(`${l.label.padEnd(labelWidth)} ${l.value}`), 0);
	const room = Math.max(0, height - used);
	const shown = usageLines.length <= room ? usageLines : [...usageLines.slice(0, Math.max(0, room - 1)), `… ${usageLines.length - Math.max(0, room - 1)} more lines: a taller terminal shows them`];
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold color={tone.accent()} wrap="truncate-end">{`${sanitize(destination.name)} · Esc back · y copy pl:ref`}</Text>
			{lines.map((l) => (
				<Text key={l.label} wrap="wrap">
					<Text bold>{l.label.padEnd(labelWidth)}</Text> {l.value}
				</Text>
			))}
			{shown.slice(0, room).map((l, i) => (
				<Text key={i} wrap="truncate-end">
					{l}
				</Text>
			))}
		</Box>
	);
}
