// The sign-in screen: why the session cannot be used and what can be done (from the reducer's
// bindings), then the device-code sign-in: the link, the code large and clear, a QR code of the
// link when the terminal has room, and a countdown. Everything from the server is sanitised.
import React, {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {useSignIn, type UseSignInOptions} from '../hooks/use-sign-in.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import type {Step} from '../src/auth/find.js';
import {trailLines} from '../src/auth/describe.js';
import {offeredBindings, secondsLeft, type SignInState} from '../src/auth/sign-in-state.js';
import {sanitize} from '../src/sanitize.js';
import {qrLines, qrSize} from '../src/view/qr.js';
import {Header} from './Header.js';
import {dim, tone} from './theme.js';

export interface SignInProps extends UseSignInOptions {
	trail: readonly Step[];
	/** What the search skipped and why, each a sentence. */
	warnings?: readonly string[];
	sandbox: boolean;
	host: string;
}

const KEY_NAMES: Record<string, string> = {enter: 'Enter', escape: 'Esc'};

/** Columns the code's text needs beside a QR code (the link wraps; the code itself takes 26). */
const MIN_TEXT_BESIDE_QR = 36;

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export function SignIn(props: SignInProps): React.JSX.Element {
	const state = useSignIn(props);
	const {width, height} = useTerminalSize();
	const header = (
		<Header
			sandbox={props.sandbox}
			host={props.host}
			readOnly={false}
			busy={state.mode.kind === 'starting' || state.mode.kind === 'saving'}
		/>
	);
	const notice = state.notice ? (
		<Text color={tone.warn()} wrap="wrap">
			{state.notice}
		</Text>
	) : null;
	if (state.mode.kind === 'code') return <Code state={state} header={header} notice={notice} width={width} height={height} />;
	if (state.mode.kind === 'starting' || state.mode.kind === 'saving') {
		return (
			<Box flexDirection="column" width={width}>
				{header}
				<Text>{state.mode.kind === 'starting' ? 'Asking the sign-in server for a code…' : 'Signed in: saving the session…'}</Text>
				<Text dimColor={dim()}>Esc cancels</Text>
			</Box>
		);
	}
	const bindings = offeredBindings(state);
	const keyWidth = Math.max(...bindings.map((b) => b.keys.map((k) => KEY_NAMES[k] ?? k).join('/').length));
	// Where destui looked, as many lines as fit between the sentence and the choices, then what the
	// search skipped and why (the trail names it, not why), which always shows.
	const warnings = (props.warnings ?? []).map((w) => `! ${sanitize(w)}`);
	const warningRows = warnings.reduce((rows, w) => rows + Math.ceil(w.length / Math.max(1, width)), 0);
	const room = Math.max(0, height - 6 - bindings.length - (state.notice ? 1 : 0) - (state.need.hint ? 1 : 0) - warningRows);
	const trail = trailLines(props.trail).slice(0, room > 1 ? room - 1 : 0);
	return (
		<Box flexDirection="column" width={width}>
			{header}
			<Text wrap="wrap">{state.need.sentence}</Text>
			{state.need.hint ? <Text wrap="wrap">{`To go on, ${state.need.hint}.`}</Text> : null}
			{notice}
			{trail.length > 0 || warnings.length > 0 ? (
				<Box flexDirection="column" marginTop={1}>
					{trail.length > 0 ? <Text dimColor={dim()}>Where destui looked:</Text> : null}
					{trail.map((line, i) => (
						<Text key={i} dimColor={dim()} wrap="truncate-end">
							{line}
						</Text>
					))}
					{warnings.map((w, i) => (
						<Text key={`w${i}`} color={tone.warn()} wrap="wrap">
							{w}
						</Text>
					))}
				</Box>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				{bindings.map((b) => (
					<Text key={b.command} wrap="truncate-end">
						<Text bold>{`  ${b.keys
							.map((k) => KEY_NAMES[k] ?? k)
							.join('/')
							.padEnd(keyWidth)}`}</Text>
						{`  ${b.label}`}
					</Text>
				))}
			</Box>
		</Box>
	);
}

function Code({
	state,
	header,
	notice,
	width,
	height,
}: {
	state: SignInState;
	header: React.ReactNode;
	notice: React.ReactNode;
	width: number;
	height: number;
}) {
	const mode = state.mode.kind === 'code' ? state.mode : undefined;
	const link = sanitize(mode?.code.verificationUriComplete ?? mode?.code.verificationUri ?? '');
	const plainLink = sanitize(mode?.code.verificationUri ?? '');
	const userCode = sanitize(mode?.code.userCode ?? '');
	// The QR code module loads on the first code shown, never at start-up.
	const [qr, setQr] = useState<string[]>();
	useEffect(() => {
		let live = true;
		if (link) void qrLines(link).then((lines) => live && setQr(lines));
		return () => {
			live = false;
		};
	}, [link]);
	const size = qr ? qrSize(qr) : undefined;
	const alternative = link !== plainLink ? `(or enter it at ${plainLink})` : undefined;
	// The QR code below the text when the terminal is tall enough, else beside it when it is wide
	// enough (80×24, the usual size, has room only beside), else not at all: the link is enough.
	const linkRows = Math.ceil(link.length / Math.max(1, width - 3));
	const below = size && size.rows + 1 <= height - (9 + linkRows + (notice ? 1 : 0)) && size.cols + 2 <= width;
	const textWidth = size ? width - size.cols - 3 : width;
	const beside = !below && size && textWidth >= MIN_TEXT_BESIDE_QR && size.rows + 1 <= height;
	const qrBlock = (
		<Box flexDirection="column" marginTop={below ? 1 : 0} marginLeft={2}>
			{(qr ?? []).map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
		</Box>
	);
	const text = (
		<Box flexDirection="column" width={beside ? textWidth : width}>
			<Text>Open this link in a browser, sign in, and confirm the code:</Text>
			<Box marginLeft={2} marginTop={1}>
				<Text color={tone.accent()} wrap="wrap">
					{link}
				</Text>
			</Box>
			<Box marginTop={1}>
				<Text>{'Code:  '}</Text>
				<Text bold inverse>{`  ${[...userCode].join(' ')}  `}</Text>
				{alternative && !beside ? <Text dimColor={dim()}>{`   ${alternative}`}</Text> : null}
			</Box>
			{alternative && beside ? (
				<Text dimColor={dim()} wrap="wrap">
					{alternative}
				</Text>
			) : null}
			{below ? qrBlock : null}
			{notice}
			<Box marginTop={1}>
				<Text wrap="wrap">{`Expires in ${clock(secondsLeft(state))} · waiting for the confirmation…`}</Text>
			</Box>
			<Text dimColor={dim()}>Esc cancels</Text>
		</Box>
	);
	return (
		<Box flexDirection="column" width={width}>
			{header}
			{beside ? (
				<Box flexDirection="row">
					{text}
					{qrBlock}
				</Box>
			) : (
				text
			)}
		</Box>
	);
}
