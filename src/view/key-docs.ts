// The README's keys section, generated from the key maps: the main screen's (commands.ts), the
// editing keys (src/keys/editing.ts) and the forms' (src/wizard/keys.ts). A test checks the README
// holds exactly this, so the documentation cannot drift from what the keys do.
import {EDITING} from '../keys/editing.js';
import {keysText} from '../keys/bindings.js';
import {FORM_KEYS} from '../wizard/keys.js';
import {commandKeys, commandsIn, type KeyMode} from './commands.js';

const table = (rows: readonly (readonly [string, string])[]): string =>
	[
		'| keys | what |',
		'| --- | --- |',
		...rows.map(
			([keys, what]) =>
				`| ${keys
					.split(' ')
					.map((k) => `\`${k}\``)
					.join(' ')} | ${what} |`,
		),
	].join('\n');

const modeRows = (mode: KeyMode) => commandsIn(mode).map((c) => [commandKeys(c, mode), c.label] as const);

const SECTIONS: readonly {title: string; rows: () => (readonly [string, string])[]}[] = [
	{title: 'On the list (`?` shows these inside destui, with the reason any key is disabled right now)', rows: () => modeRows('normal')},
	{title: 'In the full details (Enter)', rows: () => modeRows('detail')},
	{title: 'In the help (`?`)', rows: () => modeRows('help')},
	{title: 'In the search prompt (`/`)', rows: () => modeRows('search')},
	{title: 'In the rename prompt (`r`)', rows: () => modeRows('rename')},
	{title: 'When asked y/N (`d`; `a` on the default or a destination in use)', rows: () => modeRows('confirm')},
	{title: 'While `a` looks up what delivers to a destination', rows: () => modeRows('checking')},
	{
		title: 'Editing text (the prompts and the fields of the forms)',
		rows: () => EDITING.map((c) => [keysText(c.bindings), c.label] as const),
	},
	{
		title: 'In the creation wizard (`n`) and the rotation form (`c`)',
		rows: () => FORM_KEYS.map((c) => [keysText(c.bindings), c.label] as const),
	},
];

/** The Markdown between the README's keys markers. */
export function keysSection(): string {
	return SECTIONS.map((s) => `${s.title}:\n\n${table(s.rows())}`).join('\n\n');
}
