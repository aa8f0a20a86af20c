// What the soak typed into the open form and the rename prompt, to check the screen keeps it:
// nothing typed may be lost to a failed request. A value is remembered once typed whole, and
// forgotten when a key that edits the field lands on it (the soak then no longer knows it).
import {sanitize} from '../../src/sanitize.js';
import type {ScreenModel} from './screen-model.js';
import type {SoakKey} from './vocabulary.js';

interface Tracked {
	value: string;
	secret: boolean;
}

export const norm = (s: string): string => sanitize(s).normalize('NFC').replace(/\s+/g, ' ').trim();

/** Whether `shown` (as drawn, maybe cut short with …) is `value`. */
export function shows(shown: string, value: string): boolean {
	const a = norm(shown);
	const b = norm(value);
	if (a === b || a.startsWith(`${b} `)) return true;
	// A long value is drawn cut at the end, or (a field scrolled to the cursor) at the start.
	if (a.startsWith('…') && b.endsWith(a.slice(1).trimStart())) return true;
	return a.endsWith('…') && b.startsWith(a.slice(0, -1).trimEnd());
}

/** Below this width a form's values are cut too short to compare. */
const MIN_CHECK_COLS = 80;

export class TypedMemory {
	private form?: {id: string; fields: Map<string, Tracked>};
	private rename?: string;

	/** What the screen lost of what was typed (empty when it shows everything). */
	check(model: ScreenModel, cols: number): string[] {
		const lost: string[] = [];
		const isForm = model.kind === 'wizard' || model.kind === 'rotate';
		if (!isForm || (this.form && model.provider !== undefined && this.form.id !== `${model.kind}:${model.provider}`)) this.form = undefined;
		if (model.kind !== 'list' || model.list !== 'rename') this.rename = undefined;
		if (cols < MIN_CHECK_COLS) return lost;
		if (this.form && model.provider !== undefined) {
			for (const [label, t] of this.form.fields) {
				const shown = model.values.get(label);
				// Nothing typed (a name left empty takes the default): nothing to lose.
				if (shown === undefined || norm(t.value) === '') continue;
				if (t.secret ? !shown.includes('•') : !shows(shown, t.value)) {
					lost.push(
						`the form lost what was typed: ${label} shows ${JSON.stringify(shown)}, typed ${t.secret ? 'a secret' : JSON.stringify(t.value)}`,
					);
				}
			}
		}
		if (model.kind === 'list' && model.list === 'rename' && this.rename !== undefined && !shows(model.renameText ?? '', this.rename)) {
			lost.push(
				`the rename prompt lost what was typed: it shows ${JSON.stringify(model.renameText)}, typed ${JSON.stringify(this.rename)}`,
			);
		}
		return lost;
	}

	/** A value is being typed over what the field (or the prompt) held: unknown until it is all in. */
	replacing(target: 'field' | 'rename' | 'search', label: string | undefined): void {
		if (target === 'rename') this.rename = undefined;
		if (target === 'field' && label) this.form?.fields.delete(label);
	}

	/** Remembers a value typed whole. */
	typed(target: 'field' | 'rename' | 'search', label: string | undefined, model: ScreenModel, value: string, secret: boolean): void {
		if (target === 'rename') this.rename = value;
		if (target !== 'field' || !label || model.provider === undefined) return;
		const id = `${model.kind}:${model.provider}`;
		if (this.form?.id !== id) this.form = {id, fields: new Map()};
		this.form.fields.set(label, {value, secret});
	}

	/** Keys that change a field's text make the soak forget what it typed there. */
	pressed(keys: readonly SoakKey[], model: ScreenModel): void {
		if (model.kind === 'list' && model.list === 'rename') {
			if (keys.length > 1 || keys[0]!.label !== 'Enter') this.rename = undefined;
		}
		if (!this.form || (model.kind !== 'wizard' && model.kind !== 'rotate')) return;
		if (keys.length > 1 || keys[0]!.command === 'paste') {
			this.form.fields.clear();
			return;
		}
		const label = keys[0]!.label;
		const harmless =
			['Tab', 'Shift-Tab', 'Escape'].includes(label) || ((label === 'Enter' || label === 'Up' || label === 'Down') && !model.picking);
		if (model.form === 'field' && model.focused && !harmless) this.form.fields.delete(model.focused);
	}
}
