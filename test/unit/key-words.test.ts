// Messages, titles and hints that name a key take it from the key maps (src/view/commands.ts'
// keyFor and shortHints, src/wizard/keys.ts' hintKeys), so they cannot name a key that does
// something else. This looks for key names written by hand in the code that draws the main screen
// and the forms ("Press u", "Esc closes", "(y copies it)").
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect, test} from 'vitest';
import {COMMANDS, keyFor, shortHints} from '../../src/view/commands.js';
import {messages} from '../../src/view/messages.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The sign-in screen's keys are its own list (src/auth/sign-in-state.ts), not these maps.
const OWN_KEYS = new Set(['components/SignIn.tsx']);

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((f) => {
		const path = join(dir, f);
		return statSync(join(ROOT, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(f) ? [path] : [];
	});
}

const HAND_WRITTEN = [
	/\b[Pp]ress (?:Esc|Enter|Tab|[A-Za-z0-9?/])(?=[\s.,;:)])/,
	/\b(?:Esc|Enter)(?: or \S+)? (?:cancels|closes|stops|clears|back|sends|looks|shows|leaves|picks)\b/,
	/\((?:[a-zA-Z?]) [a-z]+s (?:it|both|them)\)/,
	/\b[a-zA-Z0-9?] (?:undoes|copies|renames|tries|resets|clears|change) /,
];

test('no message, title or hint of the main screen and the forms names a key by hand', () => {
	const found: string[] = [];
	for (const file of ['src/view', 'src/wizard', 'components', 'hooks'].flatMap(sources)) {
		if (OWN_KEYS.has(file)) continue;
		// Comments may name keys: they explain, they are not shown.
		const code = readFileSync(join(ROOT, file), 'utf8')
			.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''))
			.replace(/(^|\s)\/\/.*$/gm, '$1');
		code.split('\n').forEach((line, i) => {
			if (HAND_WRITTEN.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
		});
	}
	expect(found).toEqual([]);
});

test('the keys messages and titles name are those the map binds', () => {
	const undo = COMMANDS.find((c) => c.id === 'undo')!;
	expect(keyFor('undo')).toBe('u');
	expect(undo.bindings.map((b) => b.key)).toContain(keyFor('undo'));
	expect(messages.archived({name: 'x', default: false}, true)).toBe('Archived x. Press u to undo.');
	expect(messages.loadCancelled).toBe('Stopped loading the list. Press R to load it.');
	expect(shortHints(['close', 'copy'], 'detail')).toBe('Esc back · y copy ref');
	expect(shortHints(['close', 'scroll'], 'help')).toBe('Esc back · ↑/↓ scroll');
});
