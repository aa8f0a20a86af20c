// The parts of README.md made by the program: the screens (destui --demo captured in a real
// pseudo-terminal) and the keys section (from the key maps). `npm run readme:screens` writes them;
// tests check the README still holds exactly what the program makes.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {keysSection} from '../../src/view/key-docs.js';
import {KEYS, launch, sleep} from './terminal.js';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

export const readReadme = (): Promise<string> => readFile(README, 'utf8');

async function capture(keys: Array<[string, string | RegExp]>, cols = 100, rows = 28): Promise<string> {
	// As most people see it: in colour (the text the terminal holds is the same, placeholders aside,
	// which NO_COLOR puts in brackets since it cannot dim them).
	const s = launch(['--demo'], {cols, rows, env: {NO_COLOR: undefined}});
	try {
		let screen = await s.waitFor(/\d+ of \d+/);
		for (const [key, until] of keys) {
			await s.press(key);
			screen = await s.waitFor(until);
		}
		// The frame that matched may still be arriving (a busy machine draws it in pieces): the
		// screen is taken once it has stopped changing.
		for (let previous = ''; previous !== screen;) {
			previous = screen;
			await sleep(150);
			screen = await s.screen();
		}
		return screen
			.split('\n')
			.map((l) => l.trimEnd())
			.join('\n')
			.trimEnd();
	} finally {
		await s.close();
	}
}

/** The screens the README shows, by the name of their markers. */
export async function captureScreens(): Promise<Record<string, string>> {
	return {
		main: await capture([
			['j', /› Legacy exports/],
			['j', /› Org-wide/],
		]),
		wizard: await capture([
			['n', 'step 1 of'],
			[KEYS.enter, 'step 2 of'],
		]),
	};
}

const screenPattern = (name: string) => new RegExp(`(<!-- screen:${name} -->\\n)[\\s\\S]*?(<!-- /screen:${name} -->)`);
const KEYS_PATTERN = /(<!-- keys -->\n)[\s\S]*?(<!-- \/keys -->)/;

/** What is between a screen's markers. */
export function screenIn(readme: string, name: string): string | undefined {
	return /```text\n([\s\S]*?)\n```/.exec(screenPattern(name).exec(readme)?.[0] ?? '')?.[1];
}

/** What is between the keys markers. */
export const keysIn = (readme: string): string | undefined => /<!-- keys -->\n([\s\S]*?)\n<!-- \/keys -->/.exec(readme)?.[1];

/** The README with the program's screens and keys section put in their places. */
export function withProgramParts(readme: string, screens: Record<string, string>): string {
	for (const [name, text] of Object.entries(screens)) {
		const pattern = screenPattern(name);
		if (!pattern.test(readme)) throw new Error(`README.md has no <!-- screen:${name} --> markers`);
		readme = readme.replace(pattern, (_m, open: string, close: string) => `${open}\`\`\`text\n${text}\n\`\`\`\n${close}`);
	}
	if (!KEYS_PATTERN.test(readme)) throw new Error('README.md has no <!-- keys --> markers');
	return readme.replace(KEYS_PATTERN, (_m, open: string, close: string) => `${open}${keysSection()}\n${close}`);
}
