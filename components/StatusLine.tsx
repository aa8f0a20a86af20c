// The status line: the prompt of the current mode, a question, what the client waits for, or the
// latest message (its text, and the rows it takes, are src/view/status.ts's).
import React from 'react';
import {Box, Text} from 'ink';
import {TextInput} from './inputs/TextInput.js';
import type {StoreSnapshot} from '../src/store/destinations-store.js';
import {hintText, keyFor} from '../src/view/commands.js';
import type {MainState} from '../src/view/main-state.js';
import {batchMessages, messages} from '../src/view/messages.js';
import {progressBar, running} from '../src/view/batch.js';
import {errorText, MAX_ERROR_ROWS, MAX_QUESTION_ROWS, questionText} from '../src/view/status.js';
import {wrapLines} from '../src/view/text.js';
import {dim, tone} from './theme.js';

/** A message that wraps over at most MAX_ERROR_ROWS rows of `width` cells. */
function Wrapped({
	text,
	width,
	color,
	bold,
	max = MAX_ERROR_ROWS,
}: {
	text: string;
	width: number;
	color?: string;
	bold?: boolean;
	max?: number;
}) {
	return (
		<Box flexDirection="column" width={width}>
			{wrapLines(text, width, max).map((line, i) => (
				<Text key={i} wrap="truncate-end" color={color} bold={bold}>
					{line}
				</Text>
			))}
		</Box>
	);
}

/** One line (more for an error, which wraps; one more while renaming): the prompt of the current mode, else the latest toast. */
export function StatusLine({state, snap, width}: {state: MainState; snap: StoreSnapshot; width: number}): React.JSX.Element {
	const {mode, toast} = state;
	// One cell short of the terminal's width: a line that fills the last column can wrap.
	const room = Math.max(1, width - 1);
	if (mode.kind === 'search') {
		const hint = `   ${hintText(['search-keep', 'search-clear'], 'search')}`;
		return (
			<Text wrap="truncate-end">
				<Text bold>/ </Text>
				<TextInput line={state.search} focused placeholder="type to filter by name" width={Math.max(1, room - 2 - hint.length)} />
				<Text dimColor={dim()}>{hint}</Text>
			</Text>
		);
	}
	if (mode.kind === 'rename') {
		const label = 'Rename to: ';
		return (
			<>
				<Text wrap="truncate-end">
					<Text bold>{label}</Text>
					<TextInput line={mode.line} focused width={Math.max(1, room - label.length)} />
				</Text>
				{mode.sending ? (
					<Text dimColor={dim()}>Renaming…</Text>
				) : mode.error ? (
					<Wrapped text={mode.error} width={room} color={tone.error()} />
				) : (
					<Text wrap="truncate-end" dimColor={dim()}>
						{`3-63 characters, unique in your organisation · ${hintText(['rename-submit', 'rename-cancel'], 'rename')}`}
					</Text>
				)}
			</>
		);
	}
	const question = questionText(state);
	if (question) return <Wrapped text={question} width={room} color={tone.warn()} bold max={MAX_QUESTION_ROWS} />;
	if (mode.kind === 'checking') {
		return <Text wrap="truncate-end">{`· ${messages.checking(mode.destinations)} (${hintText(['check-cancel'], 'checking')})`}</Text>;
	}
	// A batch waits on the rate limit by design: its progress says more than "waiting for a slot".
	if (running(state.batch)) {
		return (
			<Text wrap="truncate-end" color={tone.accent()}>
				{batchMessages.progress(state.batch, progressBar(state.batch.results.length, state.batch.items.length, 12))}
			</Text>
		);
	}
	if (snap.waiting) return <Text wrap="truncate-end" color={tone.warn()}>{`⏳ ${snap.waiting} (${keyFor('escape')} cancels)`}</Text>;
	const error = errorText(state, snap);
	if (error) return <Wrapped text={error} width={room} color={tone.error()} />;
	if (toast) {
		const mark = toast.tone === 'ok' ? '✓ ' : '· ';
		return (
			<Text wrap="truncate-end" color={toast.tone === 'ok' ? tone.ok() : undefined}>
				{mark + toast.text}
			</Text>
		);
	}
	if (snap.pending > 0)
		return (
			<Text dimColor={dim()} wrap="truncate-end">
				{`Working… (${keyFor('escape')} cancels)`}
			</Text>
		);
	return <Text> </Text>;
}
