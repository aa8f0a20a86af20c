// y inside tmux (issue 11 item 9): tmux 3.3 and newer drop an application's OSC 52 and its
// passthrough wrapper with default settings, so destui copies with tmux's own buffer command. Here
// destui runs in a real tmux (default settings, a private server) in a real pseudo-terminal: the
// pl:ref lands in tmux's paste buffer, tmux sends it on to the outer terminal's clipboard, and the
// message says so. Plain terminals and screen: test/unit/clipboard.test.ts.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createClient} from '../../src/api/client.js';
import {deferCleanup, sandbox, USER_KEY} from '../harness/e2e.js';
import {BUNDLE, launch} from '../harness/terminal.js';

const tmux = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
const haveTmux = tmux.status === 0;

describe.skipIf(!haveTmux)(
	`y inside tmux (${haveTmux ? tmux.stdout.trim() : 'skipped: no tmux on this machine; apt-get install tmux'})`,
	() => {
		it("copies the pl:ref into tmux's buffer and, through tmux, the clipboard; says so", async () => {
			const sb = await sandbox();
			const dir = mkdtempSync(join(tmpdir(), 'destui-tmux-'));
			const socket = join(dir, 'sock');
			const tmuxCmd = (...args: string[]) => spawnSync('tmux', ['-S', socket, ...args], {encoding: 'utf8'});
			deferCleanup(() => {
				tmuxCmd('kill-server');
				rmSync(dir, {recursive: true, force: true});
			});
			// -f /dev/null: tmux's defaults, whatever the machine's ~/.tmux.conf says.
			const s = launch([], {
				cols: 100,
				rows: 30,
				env: {TMUX: undefined, TMUX_PANE: undefined},
				command: [
					'tmux',
					'-S',
					socket,
					'-f',
					'/dev/null',
					'new-session',
					process.execPath,
					BUNDLE,
					'--base-url',
					sb.origin,
					'--api-key',
					USER_KEY,
				],
			});
			deferCleanup(() => s.close());
			await s.waitFor('11 of 11');
			const ref = (await createClient({apiKey: USER_KEY, baseUrl: sb.origin, requestsPerSecond: Infinity}).list({})).find(
				(d) => d.name === 'Forestry (OCI Frankfurt)',
			)!['pl:ref'];
			expect((await s.screen()).split('\n').find((l) => l.startsWith('› '))).toContain('Forestry (OCI Frankfurt)');

			await s.press('y');
			await s.waitFor(`Copied ${ref} (tmux buffer and clipboard).`);
			expect(tmuxCmd('show-buffer').stdout).toBe(ref);
			// tmux itself wrote the clipboard sequence to the terminal it runs in.
			const b64 = Buffer.from(ref).toString('base64');
			expect(s.output()).toMatch(new RegExp(`\\x1b\\]52;[a-z]*;${b64.replace(/[+/=]/g, '\\$&')}(\\x07|\\x1b\\\\)`));
		});
	},
);
