// What the soak knows of destui's state: read off the terminal's screen after every key, as a
// person would, rather than by running the app's reducer a second time. Which screen is shown,
// which prompt or question is open, which form page and field has the focus, and the values the
// form shows, so the soak can choose keys from that screen's key map and check what it shows.
import {shortHints} from '../../src/view/commands.js';
import type {FormMode} from '../../src/wizard/keys.js';

export type ScreenKind = 'starting' | 'too-small' | 'list' | 'help' | 'detail' | 'wizard' | 'rotate' | 'sign-in' | 'unknown';
/** The list's own prompts, as src/view/commands.ts names them. */
export type ListMode = 'normal' | 'search' | 'rename' | 'confirm' | 'checking';
export type QuestionKind = 'default' | 'archive' | 'batch' | 'leave' | 'rotate';

export interface Question {
	kind: QuestionKind;
	/** How many changes a yes makes (a batch: its destinations; unknown: a generous bound). */
	count: number;
}

export interface ScreenModel {
	kind: ScreenKind;
	list?: ListMode;
	question?: Question;
	form?: FormMode;
	/** The provider's label (the wizard past step 1, the rotation form). */
	provider?: string;
	/** The label of the form row with the focus (›). */
	focused?: string;
	/** A region list is open under the focused field: ↑/↓ and Enter pick from it. */
	picking: boolean;
	/** Form rows shown: label → the value as drawn (review rows too). */
	values: Map<string, string>;
	/** The rename prompt's text. */
	renameText?: string;
	/** Rows marked (the header's count). */
	marked: number;
	/** The rotation question has Yes focused. */
	yesFocused: boolean;
	/** A request of the form is in flight (Enter would not send another). */
	formBusy: boolean;
}

const BATCH_BOUND = 60;

function questionOf(flat: string): Question | undefined {
	if (!flat.includes('[y/N]')) return undefined;
	if (/organisation default[?,]/.test(flat) || /being the organisation default\?/.test(flat)) return {kind: 'default', count: 1};
	if (flat.includes('Archive it anyway?')) return {kind: 'archive', count: 1};
	const all = /Archive all (\d+) anyway\?/.exec(flat) ?? /the (\d+) marked destinations\?/.exec(flat) ?? /the other (\d+)\?/.exec(flat);
	if (all) return {kind: 'batch', count: Number(all[1])};
	if (/the 1 marked destination\?/.test(flat)) return {kind: 'batch', count: 1};
	return {kind: 'batch', count: BATCH_BOUND};
}

const FORM_ROW = /^([› ]) (\S.*?)\s{2,}(.*)$/;

/** The form's rows: "› Bucket  my-bucket" (a page) or "  Bucket   my-bucket" (the review). */
function formRows(lines: readonly string[], labels: readonly string[]): {values: Map<string, string>; focused?: string} {
	const values = new Map<string, string>();
	let focused: string | undefined;
	for (const line of lines) {
		const m = FORM_ROW.exec(line);
		if (!m) continue;
		const label = m[2]!.trim();
		if (!labels.includes(label)) continue;
		values.set(label, m[3]!.trim());
		if (m[1] === '›') focused = label;
	}
	return {values, focused};
}

/** Reads the screen; `labels` are every form label the catalogue knows (to tell rows from help text). */
export function readScreen(screen: string, labels: readonly string[]): ScreenModel {
	const lines = screen.split('\n');
	const flat = lines.map((l) => l.trim()).join(' ');
	const model: ScreenModel = {kind: 'unknown', picking: false, values: new Map(), marked: 0, yesFocused: false, formBusy: false};
	const first = lines[0] ?? '';
	if (/This terminal is \d+×\d+/.test(flat) && flat.includes('destui needs')) return {...model, kind: 'too-small'};
	// Titles cut short at a narrow width still name the screen ("Rotate credentials · own…").
	const title = /^(.+?) · step (\d+) of (\d+)\b/.exec(first);
	const rotate = /^Rotate credentials · (?:.* · ([^…]+)$)?/.exec(first.trimEnd());
	if (title || rotate) {
		const {values, focused} = formRows(lines, labels);
		const footer = flat;
		const form: ScreenModel = {
			...model,
			kind: title ? 'wizard' : 'rotate',
			// Unknown when the title is cut before it: what the form shows is then not checked.
			provider: title ? (title[2] === '1' ? undefined : title[1]) : rotate![1],
			values,
			focused,
			picking: /pick (this|a) region/.test(footer) && /↑\/↓ through the regions|Enter pick this region/.test(footer),
			formBusy: /· (Creating|Rotating|Checking|Looking)[^·]*…/.test(flat) || /Esc cancel$/.test(lines.filter((l) => l.trim()).at(-1) ?? ''),
		};
		if (/Leave the (wizard|rotation form)\?/.test(flat)) return {...form, form: 'question', question: {kind: 'leave', count: 0}};
		if (flat.includes('Rotate the credentials of')) {
			return {...form, form: 'choice', question: {kind: 'rotate', count: 1}, yesFocused: flat.includes('[ Yes ]')};
		}
		if (title && title[2] === '1') return {...form, form: 'provider'};
		// The last step is the review (src/wizard/steps.ts).
		if (title && title[2] === title[3]) return {...form, form: 'review'};
		const row = lines.find((l) => l.startsWith('› '));
		return {...form, form: row && /\[[ x✓]\] (on|off)/.test(row) ? 'option' : 'field'};
	}
	// The views' titles, made from the key map as destui makes them ("Keys (Esc back", "Name · Esc back · y copy ref").
	if (lines.some((l) => l.startsWith(`Keys (${shortHints(['close'], 'help')}`))) return {...model, kind: 'help'};
	const viewTitle = lines[1]?.trimEnd() ?? '';
	if (viewTitle.includes(` · ${shortHints(['close'], 'detail')}`) || / · E[^·]*…$/.test(viewTitle)) return {...model, kind: 'detail'};
	// The title row, or the filters row under it (keys typed while destui starts are echoed by the
	// terminal over the top row until raw mode is on: "^[stui").
	if (first.includes('destui') || /^\d+ of \d+ /.test(lines[1] ?? '') || /\bloading…/.test(first)) {
		const marked = /✓ (\d+) marked/.exec(first);
		const list: ScreenModel = {...model, kind: 'list', marked: marked ? Number(marked[1]) : 0};
		const question = questionOf(flat);
		if (question) return {...list, list: 'confirm', question};
		if (flat.includes('before archiving… (Esc don')) return {...list, list: 'checking'};
		const rename = lines.find((l) => l.startsWith('Rename to: '));
		if (rename) return {...list, list: 'rename', renameText: rename.slice('Rename to: '.length).trimEnd()};
		if (lines.some((l) => /^\/ .*Enter keep · Esc clear/.test(l))) return {...list, list: 'search'};
		if (flat.includes('Loading destinations…') && !/\d+ of \d+/.test(flat)) return {...list, kind: 'starting'};
		return {...list, list: 'normal'};
	}
	if (/sign in now/.test(flat)) return {...model, kind: 'sign-in'};
	if (screen.trim() === '') return {...model, kind: 'starting'};
	return model;
}

/** The mode whose key map applies, as commands.ts and keys.ts name them. */
export function keyModeOf(m: ScreenModel): string {
	if (m.kind === 'list') return m.list ?? 'normal';
	if (m.kind === 'wizard' || m.kind === 'rotate') return m.form ?? 'field';
	return m.kind;
}
