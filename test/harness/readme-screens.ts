// Regenerates the screens shown in README.md from the real program: destui --demo in a real
// pseudo-terminal, captured as text between the README's screen markers.
// Run: npm run readme:screens
import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {COMMANDS} from '../../src/view/commands.js';
import {KEYS, launch} from './terminal.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

async function capture(keys: Array<[string, string | RegExp]>, cols = 100, rows = 28): Promise<string> {
	const s = launch(['--demo'], {cols, rows, env: {NO_COLOR: '1'}});
	try {
		await s.waitFor(/\d+ of \d+/);
		let screen = await s.screen();
		for (const [key, until] of keys) {
			await s.press(key);
			screen = await s.waitFor(until);
		}
		return screen.split('\n').map((l) => l.trimEnd()).join('\n').trimEnd();
	} finally {
		await s.close();
	}
}

const screens: Record<string, string> = {
	main: await capture([
		['j', /› Legacy exports/],
		['j', /› Org-wide/],
	]),
	wizard: await capture([
		['n', 'step 1 of'],
		[KEYS.enter, 'step 2 of'],
		['i', /Bucket\s+i/],
	]),
};

let readme = await readFile(README, 'utf8');
for (const [name, text] of Object.entries(screens)) {
	const pattern = new RegExp(`(<!-- screen:${name} -->\\n)[\\s\\S]*?(<!-- /screen:${name} -->)`);
	if (!pattern.test(readme)) throw new Error(`README.md has no <!-- screen:${name} --> markers`);
	readme = readme.replace(pattern, (_m, open: string, close: string) => `${open}\`\`\`text\n${text}\n\`\`\`\n${close}`);
}
// The keys table comes from the same registry as the in-app legend and help overlay.
const keys = ['| keys | what |', '| --- | --- |', ...COMMANDS.map((c) => `| \`${c.keys}\` | ${c.label} |`)].join('\n');
readme = readme.replace(/(<!-- keys -->\n)[\s\S]*?(<!-- \/keys -->)/, (_m, open: string, close: string) => `${open}${keys}\n${close}`);
await writeFile(README, readme);
console.log(`README.md: ${Object.keys(screens).join(', ')} screens regenerated`);
process.exit(0);
