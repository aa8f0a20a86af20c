// Copying: the OSC 52 sequences, and which way each terminal gets (tmux's buffer command, screen's
// passthrough, plain OSC 52), as src/cli/clipboard.ts chooses. tmux itself: test/e2e/clipboard.test.ts.
import {describe, expect, test} from 'vitest';
import {copyToClipboard} from '../../src/cli/clipboard.js';
import {osc52, screenPassthrough, tmuxPassthrough} from '../../src/view/clipboard.js';
import {messages} from '../../src/view/messages.js';

const ref = 'pl:destinations/field-ops-AAAAAAAAAAAAAAAAAAAAA';
const b64 = Buffer.from(ref).toString('base64');

describe('sequences', () => {
	test('OSC 52 is ESC ] 52 ; c ; base64 BEL of the UTF-8 text, and decodes back exactly', () => {
		expect(osc52(ref)).toBe(`\x1b]52;c;${b64}\x07`);
		const payload = /^\x1b\]52;c;([A-Za-z0-9+/=]*)\x07$/.exec(osc52('São ☃ 😀'))![1]!;
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe('São ☃ 😀');
		expect(osc52('')).toBe('\x1b]52;c;\x07');
	});

	test("screen's passthrough is a plain DCS; tmux's doubles every ESC", () => {
		expect(screenPassthrough(osc52(ref))).toBe(`\x1bP\x1b]52;c;${b64}\x07\x1b\\`);
		expect(tmuxPassthrough(osc52(ref))).toBe(`\x1bPtmux;\x1b\x1b]52;c;${b64}\x07\x1b\\`);
	});
});

describe('which way, and what the message says', () => {
	const run = async (env: NodeJS.ProcessEnv) => {
		const written: string[] = [];
		const outcome = await copyToClipboard(ref, (seq) => written.push(seq), env);
		return {outcome, written, message: messages.copied(ref, outcome)};
	};

	test('a plain terminal: OSC 52', async () => {
		expect(await run({TERM: 'xterm-256color'})).toEqual({
			outcome: {way: 'osc52'},
			written: [osc52(ref)],
			message: `Copied ${ref} (sent to the terminal as OSC 52).`,
		});
	});

	test('GNU screen (STY, or TERM=screen outside tmux): OSC 52 in its passthrough', async () => {
		for (const env of [{STY: '1234.pts-0.host', TERM: 'screen'}, {TERM: 'screen.xterm-256color'}]) {
			expect(await run(env)).toEqual({
				outcome: {way: 'osc52', through: 'screen'},
				written: [screenPassthrough(osc52(ref))],
				message: `Copied ${ref} (OSC 52 through screen).`,
			});
		}
	});

	test('tmux without a tmux command to run: its passthrough, saying why', async () => {
		const r = await run({TMUX: '/tmp/none,1,0', TERM: 'screen-256color', PATH: '/nonexistent'});
		expect(r.outcome).toEqual({way: 'osc52', through: 'tmux-passthrough', why: 'no tmux command'});
		expect(r.written).toEqual([tmuxPassthrough(osc52(ref))]);
		expect(r.message).toBe(`Sent ${ref} through tmux's passthrough (tmux load-buffer failed: no tmux command).`);
	});

	test("tmux's buffer command: nothing written to the terminal", () => {
		expect(messages.copied(ref, {way: 'tmux'})).toBe(`Copied ${ref} (tmux buffer and clipboard).`);
		expect(messages.copied(ref)).toBe(`Copied ${ref}.`);
	});
});
