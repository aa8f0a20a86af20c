// Copies text to the clipboard the way the terminal destui runs in accepts it, and says how:
// inside tmux, tmux's own buffer command (tmux 3.3 and newer drop an application's OSC 52 and
// its passthrough wrapper with default settings); inside GNU screen, OSC 52 in screen's
// passthrough; elsewhere, plain OSC 52. The text is only ever a pl:ref, never a secret.
import {spawn} from 'node:child_process';
import {inScreen, osc52, screenPassthrough, tmuxPassthrough, type CopyOutcome} from '../view/clipboard.js';

const TMUX_TIMEOUT_MS = 2000;

/** `tmux load-buffer -w -` with `text` on stdin: resolves when tmux took it, rejects with why not. */
function tmuxLoadBuffer(text: string, env: NodeJS.ProcessEnv): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn('tmux', ['load-buffer', '-w', '-'], {env, stdio: ['pipe', 'ignore', 'pipe'], timeout: TMUX_TIMEOUT_MS});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('error', (err: NodeJS.ErrnoException) => reject(new Error(err.code === 'ENOENT' ? 'no tmux command' : err.message)));
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim().split('\n')[0] || `tmux exited ${code}`))));
		child.stdin.on('error', () => {});
		child.stdin.end(text);
	});
}

export async function copyToClipboard(
	text: string,
	write: (seq: string) => void,
	env: NodeJS.ProcessEnv = process.env,
): Promise<CopyOutcome> {
	if (env.TMUX) {
		try {
			await tmuxLoadBuffer(text, env);
			return {way: 'tmux'};
		} catch (err) {
			// An old tmux (no -w) or none on PATH: its passthrough, which such a tmux still allows.
			write(tmuxPassthrough(osc52(text)));
			return {way: 'osc52', through: 'tmux-passthrough', why: err instanceof Error ? err.message : String(err)};
		}
	}
	if (inScreen(env)) {
		write(screenPassthrough(osc52(text)));
		return {way: 'osc52', through: 'screen'};
	}
	write(osc52(text));
	return {way: 'osc52'};
}
