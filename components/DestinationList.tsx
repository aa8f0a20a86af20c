import React, {memo, useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import type {Destination} from '../src/api/types.js';
import {columnsFor, gutter, GUTTER, headerRow, rowCells, timeColumnOf, toRow, type Columns, type TimeColumn} from '../src/view/rows.js';
import type {Sort} from '../src/view/sort.js';
import {listWindow, moreText} from '../src/view/list-window.js';
import {findFolded} from '../src/view/fold.js';
import {dim, tone} from './theme.js';

export interface DestinationListProps {
	items: readonly Destination[];
	cursor: number;
	/** The ids of the marked rows. */
	marks: ReadonlySet<string>;
	/** The order the items are in, for the column titles. */
	sort: Sort;
	width: number;
	/** Rows available for destinations (the column header is extra). */
	height: number;
	query: string;
	/** Shown instead of rows when there are none. */
	empty: string;
}

interface RowProps {
	destination: Destination;
	selected: boolean;
	marked: boolean;
	columns: Columns;
	time: TimeColumn;
	query: string;
}

/** Memoised: moving the cursor re-renders two rows, not the window. */
const Row = memo(function Row({destination, selected, marked, columns, time, query}: RowProps) {
	const {name: nameCell, rest} = rowCells(toRow(destination, undefined, time), columns);
	const hit = query ? findFolded(nameCell, query) : undefined;
	// Archived rows are dimmed where colour is allowed; their time column says "archived" in words.
	const archived = destination.archived !== null;
	return (
		<Text wrap="truncate-end" inverse={selected} dimColor={archived && !selected && dim()}>
			{gutter(selected, marked)}
			{hit ? (
				<>
					{nameCell.slice(0, hit.start)}
					<Text underline bold color={tone.accent()}>
						{nameCell.slice(hit.start, hit.end)}
					</Text>
					{nameCell.slice(hit.end)}
				</>
			) : (
				nameCell
			)}
			{rest}
		</Text>
	);
});

export function DestinationList({items, cursor, marks, sort, width, height, query, empty}: DestinationListProps): React.JSX.Element {
	// The window's first row stays put until the cursor leaves it; when it must move, it is set
	// while rendering (React renders again at once, before anything is drawn).
	const [top, setTop] = useState(0);
	// One object per width, so memoised rows really skip re-rendering when the cursor moves.
	const columns = useMemo(() => columnsFor(width), [width]);
	// A list longer than its rows gives its last row to saying how many are out of view.
	const scrolls = items.length > height && height >= 2;
	const {top: start, end} = listWindow(items.length, cursor, scrolls ? height - 1 : height, top);
	if (start !== top) setTop(start);
	const rows = items.slice(start, end);
	return (
		<Box flexDirection="column" width={width} height={height + 1}>
			<Text bold wrap="truncate-end">{`${' '.repeat(GUTTER)}${headerRow(columns, sort)}`}</Text>
			{rows.length === 0 ? (
				<Text wrap="wrap">{empty}</Text>
			) : (
				rows.map((d, i) => (
					<Row
						key={d.id}
						destination={d}
						selected={start + i === cursor}
						marked={marks.has(d.id)}
						columns={columns}
						time={timeColumnOf(sort)}
						query={query}
					/>
				))
			)}
			{scrolls ? (
				<Text dimColor={dim()} wrap="truncate-end">
					{`${' '.repeat(GUTTER)}${moreText(start, items.length - end)}`}
				</Text>
			) : null}
		</Box>
	);
}
