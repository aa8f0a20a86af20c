// What runs inside the terminal: the main screen on a connection, and over it, when its OAuth
// session cannot be used, the sign-in screen. The main screen stays mounted underneath (hidden,
// its keys off), so nothing typed is lost: a create waiting for the sign-in is sent after it.
import type {Copier} from '../src/view/clipboard.js';
import React, {useCallback, useEffect, useState, useSyncExternalStore} from 'react';
import {Box, Text, useApp} from 'ink';
import type {SignInNeed} from '../src/auth/session.js';
import {connectSandbox, type Connection} from '../src/connect.js';
import {DestinationsStore} from '../src/store/destinations-store.js';
import {holdKeys} from '../src/cli/held-keys.js';
import {App} from './App.js';
import {describeEvent} from '../src/view/messages.js';
import {CredentialsLabel} from './credentials-label.js';
import {tone} from './theme.js';
import {SignIn} from './SignIn.js';

export interface Session {
	/** Set by the screen before it exits; read by the launcher. */
	exitCode: number;
	finalMessage?: string;
	/** Stops the in-process sandbox, if one was started. */
	cleanup: Array<() => Promise<void>>;
	/** The screen ends the session unsuccessfully: this exit code, and this line after the terminal is restored. */
	fail(exitCode: number, finalMessage: string): void;
}

export interface RootProps {
	connection: Connection;
	readOnly: boolean;
	session: Session;
	copy: Copier;
	redraw?: () => void;
}

interface ScreenProps {
	readOnly: boolean;
	copy: Copier;
	redraw?: () => void;
}

const noSubscribe = () => () => {};
const noNeed = (): SignInNeed | undefined => undefined;

function Connected({connection, readOnly, copy, redraw, session}: ScreenProps & {connection: Connection; session: Session}) {
	const {exit} = useApp();
	const [store] = useState(() => new DestinationsStore(connection.client, connection.firstList));
	// The client's retry and rate-limit events go to the status line while this screen is up.
	useEffect(
		() => connection.events.listen((e) => store.noteWaiting(e.type === 'response' ? undefined : describeEvent(e))),
		[connection, store],
	);
	const auth = connection.session;
	const need = useSyncExternalStore(auth?.subscribe ?? noSubscribe, auth?.getNeed ?? noNeed);
	// Each need is its own screen (a fresh countdown, fresh arming against keys typed ahead).
	const [needCount, setNeedCount] = useState(0);
	const [lastNeed, setLastNeed] = useState(need);
	if (need !== lastNeed) {
		setLastNeed(need);
		if (need) setNeedCount((n) => n + 1);
	}
	const [sandbox, setSandbox] = useState(false);
	// Before the first list arrived, the sign-in screen is the start-up screen; after, it came up
	// over work in progress.
	const midSession = store.getSnapshot().active === 'loaded' || connection.firstList.value !== undefined;

	const onOutcome = useCallback(
		(outcome: string) => {
			if (!auth) return;
			if (outcome === 'retry') return auth.retry();
			if (outcome === 'signed-in') return;
			// Whatever else: the requests waiting for a sign-in fail, saying why.
			auth.giveUp();
			if (outcome === 'sandbox') setSandbox(true);
			if (outcome === 'quit') {
				if (!midSession)
					session.fail(
						1,
						`destui: ${need?.sentence ?? 'not signed in.'} Run destui again to sign in; \`destui --help\` lists where destui looks for credentials, and \`destui --demo\` runs on the sandbox.`,
					);
				exit();
			}
		},
		[auth, midSession, need, session, exit],
	);

	if (sandbox) return <Demo session={session} readOnly={readOnly} copy={copy} redraw={redraw} />;
	return (
		<CredentialsLabel.Provider value={connection.credentials || undefined}>
			<Box flexDirection="column">
				<Box display={need ? 'none' : 'flex'} flexDirection="column">
					<App
						store={store.reads}
						changes={readOnly ? undefined : store}
						sandbox={connection.sandbox}
						host={connection.host}
						copy={copy}
						redraw={redraw}
						keysActive={!need}
					/>
				</Box>
				{need && auth ? (
					<SignIn
						key={needCount}
						session={auth}
						need={need}
						trail={connection.trail}
						warnings={connection.warnings}
						sandbox={connection.sandbox}
						host={connection.host}
						offers={{sandbox: !connection.sandbox, back: midSession}}
						onOutcome={onOutcome}
					/>
				) : null}
			</Box>
		</CredentialsLabel.Provider>
	);
}

/** "Use the sandbox" from the sign-in screen: the sandbox starts here, with its own short loading frame. */
function Demo({session, readOnly, copy, redraw}: ScreenProps & {session: Session}) {
	const [connection, setConnection] = useState<Connection>();
	const [failure, setFailure] = useState<string>();
	const {exit} = useApp();
	// No screen reads keys while the sandbox starts (so Ink gives raw mode up): they are held for
	// the list that comes next, and Ctrl-C quits meanwhile as it does everywhere.
	useEffect(() => (connection ? undefined : holdKeys(process.stdin, exit)?.release), [connection, exit]);
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
	return <Connected connection={connection} readOnly={readOnly} copy={copy} redraw={redraw} session={session} />;
}

export function Root({connection, readOnly, session, copy, redraw}: RootProps): React.JSX.Element {
	return <Connected connection={connection} readOnly={readOnly} copy={copy} redraw={redraw} session={session} />;
}
