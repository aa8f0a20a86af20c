// What runs inside the terminal: the "no API key found" offer when needed, the in-process
// sandbox for --demo, then the main screen.
import React, {useEffect, useMemo, useState} from 'react';
import {Box, Text, useApp, useInput} from 'ink';
import type {ClientEvent} from '../src/api/client.js';
import {connectSandbox, type Connection} from '../src/connect.js';
import {DestinationsStore} from '../hooks/destinations-store.js';
import {App} from './App.js';
import {tone} from './inputs/theme.js';

export type Target = {kind: 'connected'; connection: Connection} | {kind: 'ask'; notes: string[]};

export interface Session {
	/** Set by the screen before it exits; read by the launcher. */
	exitCode: number;
	finalMessage?: string;
	/** Stops the in-process sandbox, if one was started. */
	cleanup: Array<() => Promise<void>>;
}

export interface RootProps {
	target: Target;
	readOnly: boolean;
	session: Session;
	copy: (text: string) => void;
	redraw?: () => void;
}

export function describeEvent(e: ClientEvent): string | undefined {
	const seconds = e.waitMs !== undefined ? Math.max(1, Math.round(e.waitMs / 1000)) : undefined;
	if (e.type === 'waiting' && e.waitMs && e.waitMs > 300) return `waiting ${seconds} s for a request slot (the API allows 3 per second)`;
	if (e.type === 'retry') {
		const why = e.status === 429 ? 'rate limited by the server (429)' : e.status ? `the server answered ${e.status}` : 'the connection failed';
		return `${why}: trying again in ${seconds} s`;
	}
	return undefined;
}

function Connected({connection, readOnly, copy, redraw}: {connection: Connection; readOnly: boolean; copy: (t: string) => void; redraw?: () => void}) {
	const store = useMemo(() => {
		const store = new DestinationsStore(connection.client, connection.firstList);
		connection.events.listener = (e) => store.noteWaiting(e.type === 'response' ? undefined : describeEvent(e));
		return store;
	}, [connection]);
	return <App store={store} sandbox={connection.sandbox} host={connection.host} readOnly={readOnly} copy={copy} redraw={redraw} />;
}

/** After "no API key found" → yes: the sandbox starts here, with its own short loading frame. */
function Demo({session, readOnly, copy, redraw}: {session: Session; readOnly: boolean; copy: (t: string) => void; redraw?: () => void}) {
	const [connection, setConnection] = useState<Connection>();
	const [failure, setFailure] = useState<string>();
	useEffect(() => {
		connectSandbox().then(
			(c) => {
				session.cleanup.push(() => c.close());
				setConnection(c);
			},
			(err: unknown) => setFailure(err instanceof Error ? err.message : String(err)),
		);
	}, [session]);
	if (failure) return <Text color={tone.error()}>{`✗ The sandbox could not start: ${failure}`}</Text>;
	if (!connection) {
		return (
			<Box flexDirection="column">
				<Text>
					<Text bold>destui </Text>
					<Text inverse bold color={tone.warn()}>
						{' SANDBOX '}
					</Text>
				</Text>
				<Text>Starting the local sandbox…</Text>
			</Box>
		);
	}
	return <Connected connection={connection} readOnly={readOnly} copy={copy} redraw={redraw} />;
}

function AskForSandbox({notes, session, onYes}: {notes: string[]; session: Session; onYes: () => void}) {
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.return || input === 'y' || input === 'Y') return onYes();
		if (input === 'n' || input === 'N' || input === 'q' || key.escape || (key.ctrl && input === 'c')) {
			session.exitCode = 1;
			session.finalMessage = 'destui: no Planet API key found. Pass --api-key, set PL_API_KEY, or run `planet auth login`; `destui --demo` runs on the sandbox.';
			exit();
		}
	});
	return (
		<Box flexDirection="column">
			<Text bold>destui</Text>
			<Text>No Planet API key found. destui looked where the planet CLI does:</Text>
			<Text>{'  --api-key, PL_API_KEY, ~/.planet.json, and ~/.planet/<profile>/auth_client.json'}</Text>
			{notes.map((n, i) => (
				<Text key={i} dimColor wrap="truncate-end">{`  (${n})`}</Text>
			))}
			<Text> </Text>
			<Text>
				Start on the local sandbox instead (fixture data, nothing leaves this machine)? <Text bold>[Y/n]</Text>
			</Text>
		</Box>
	);
}

export function Root({target, readOnly, session, copy, redraw}: RootProps): React.JSX.Element {
	const [sandboxChosen, setSandboxChosen] = useState(false);
	if (target.kind === 'connected') return <Connected connection={target.connection} readOnly={readOnly} copy={copy} redraw={redraw} />;
	if (sandboxChosen) return <Demo session={session} readOnly={readOnly} copy={copy} redraw={redraw} />;
	return <AskForSandbox notes={target.notes} session={session} onYes={() => setSandboxChosen(true)} />;
}
