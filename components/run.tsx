// Puts destui on the terminal and takes it off again exactly as it was, on every exit path:
// q, Ctrl-C, SIGTERM/SIGHUP, or an unexpected error.
import React from 'react';
import {render} from 'ink';
import {constants} from 'node:os';
import {enterScreen, leaveScreen} from '../src/cli/screen.js';
import {copyToClipboard} from '../src/cli/clipboard.js';
import {layoutReady} from './layout-ready.js';
import type {Connection} from '../src/connect.js';
import {Root, type Session} from './Root.js';

export async function runApp(connection: Connection, readOnly: boolean): Promise<number> {
	const stdout = process.stdout;
	enterScreen('destui');
	const session: Session = {
		exitCode: 0,
		cleanup: [() => connection.close()],
		fail(exitCode, finalMessage) {
			session.exitCode = exitCode;
			session.finalMessage = finalMessage;
		},
	};
	// Loading this module kept the event loop busy while the start-up list travelled: one turn of
	// the loop lets an answer that is already in be read, so the first frame shows the list
	// (measured: ~40 ms sooner on a local sandbox). Nothing waits for an answer still on its way.
	await new Promise((r) => setImmediate(r));
	await layoutReady();

	const redraw = () => {
		instance.clear();
		stdout.write('\x1b[2J\x1b[H');
	};
	const instance = render(
		<Root
			connection={connection}
			readOnly={readOnly}
			session={session}
			copy={(text) => copyToClipboard(text, (seq) => stdout.write(seq))}
			redraw={redraw}
		/>,
		{
			// Off: the main screen quits on Ctrl-C itself, the wizard asks first (typed input).
			exitOnCtrlC: false,
			patchConsole: true,
			// Ink holds a frame back whenever another was drawn less than 1000/maxFps ms before,
			// and then for that whole interval, counted from the held frame. At 60 the start-up
			// list, landing just after a spinner tick, showed ~17 ms late (measured with answer
			// times spread over a tick: one start in ten to one in four), and so did the frame of
			// a key typed soon after the last frame (250 page-downs sent back to back took 4.5 s,
			// now 1.7 s). A frame takes destui a few ms, so the cap bought nothing; at 1000 only
			// updates of one moment merge (1 ms).
			maxFps: 1000,
		},
	);
	// Ended by a signal, destui exits the way a shell reports one (128 + its number), so scripts
	// and supervisors can tell it from a quit. A Ctrl-C typed at destui is never one: the terminal
	// is in raw mode from before the first frame (src/cli/held-keys.ts), so it is a key, a quit.
	const stopOn = (signal: 'SIGTERM' | 'SIGHUP' | 'SIGINT') =>
		process.once(signal, () => {
			session.exitCode = 128 + (constants.signals[signal] ?? 0);
			instance.unmount();
		});
	stopOn('SIGTERM');
	stopOn('SIGHUP');
	stopOn('SIGINT');
	try {
		await instance.waitUntilExit();
	} catch (err) {
		session.exitCode = 1;
		session.finalMessage = `destui stopped: ${err instanceof Error ? err.message : String(err)}`;
	} finally {
		leaveScreen();
		await Promise.allSettled(session.cleanup.map((c) => c()));
	}
	if (session.finalMessage) process.stderr.write(`${session.finalMessage}\n`);
	return session.exitCode;
}
