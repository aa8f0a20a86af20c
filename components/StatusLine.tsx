import React from 'react';
import {Text} from 'ink';
import TextInput from 'ink-text-input';
import type {MainScreen} from '../hooks/use-main-screen.js';
import {describeError} from '../hooks/use-main-screen.js';
import {tone} from './inputs/theme.js';

/** One line (two while renaming): the prompt of the current mode, else the latest toast. */
export function StatusLine({screen}: {screen: MainScreen}): React.JSX.Element {
	const {mode, snap, toast} = screen;
	if (mode === 'search') {
		return (
			<Text wrap="truncate-end">
				<Text bold>/ </Text>
				<TextInput value={screen.query} onChange={screen.setQuery} onSubmit={() => screen.setMode('normal')} placeholder="type to filter by name" />
				<Text dimColor>{'   Enter keep · Esc clear'}</Text>
			</Text>
		);
	}
	if (mode === 'rename') {
		return (
			<>
				<Text wrap="truncate-end">
					<Text bold>Rename to: </Text>
					<TextInput value={screen.renameDraft} onChange={screen.setRenameDraft} onSubmit={() => void screen.submitRename()} />
				</Text>
				<Text wrap="truncate-end" color={screen.renameError ? tone.error() : undefined} dimColor={!screen.renameError}>
					{screen.renaming ? 'Renaming…' : (screen.renameError ?? '3-63 characters, unique in your organisation · Enter rename · Esc cancel')}
				</Text>
			</>
		);
	}
	if (mode === 'confirm' && screen.confirm) {
		const c = screen.confirm;
		return (
			<Text wrap="truncate-end" bold color={tone.warn()}>
				{c.unset ? `Stop ${c.name} being the organisation default? ` : `Make ${c.name} the organisation default? `}
				<Text>[y/N]</Text>
			</Text>
		);
	}
	if (snap.waiting) return <Text wrap="truncate-end" color={tone.warn()}>{`⏳ ${snap.waiting} (Esc cancels)`}</Text>;
	if (toast) {
		const mark = toast.tone === 'error' ? '✗ ' : toast.tone === 'ok' ? '✓ ' : '· ';
		return (
			<Text wrap="truncate-end" color={toast.tone === 'error' ? tone.error() : toast.tone === 'ok' ? tone.ok() : undefined}>
				{mark + toast.text}
			</Text>
		);
	}
	if (snap.active === 'error' && snap.loadError) return <Text wrap="truncate-end" color={tone.error()}>{`✗ Could not load destinations. ${describeError(snap.loadError)} Press R to retry.`}</Text>;
	if (snap.pending > 0) return <Text dimColor wrap="truncate-end">Working… (Esc cancels)</Text>;
	return <Text> </Text>;
}
