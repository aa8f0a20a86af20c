// What the user gave for a GCS service-account key: a path to the key file (read here, a
// leading ~ expanded, in any of the forms terminals paste a dropped file), or the key pasted as
// JSON or base64. The key material never leaves this
// module except as the base64 that is sent; the screen only ever learns the client_email.
import {readFileSync, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {isAbsolute, resolve} from 'node:path';
import {parseServiceAccountKey} from '../catalogue/gcs-key.js';
import {sanitize} from '../sanitize.js';

export type GcsKeySource =
	| {ok: true; base64: string; clientEmail: string; from: 'file'; path: string}
	| {ok: true; base64: string; clientEmail: string; from: 'pasted'}
	| {ok: false; problem: string};

export interface FileAccess {
	readFile(path: string): string;
	/** What is at the path, or undefined when nothing is. */
	stat(path: string): {isFile: boolean; size: number} | undefined;
	home(): string;
	cwd(): string;
}

export const realFiles: FileAccess = {
	readFile: (path) => readFileSync(path, 'utf8'),
	stat: (path) => {
		try {
			const s = statSync(path);
			return {isFile: s.isFile(), size: s.size};
		} catch {
			return undefined;
		}
	},
	home: () => homedir(),
	cwd: () => process.cwd(),
};

/** Key files are a few KiB; anything far larger is not one (and is not read into memory). */
const MAX_KEY_FILE = 256 * 1024;

/** Characters a shell escapes with a backslash; terminals escape them when a file is dropped. */
const SHELL_ESCAPED = /\\([ \t\\'"()&;!$`#*?[\]{}<>|~=,])/g;

/**
 * The path in text pasted the way terminals paste a dropped file: in single or double quotes
 * ('/keys/with space.json'), with backslash-escaped spaces (/keys/with\ space.json), or as a
 * file:// URL (file:///keys/with%20space.json). Anything else comes back trimmed, as typed.
 */
export function pastedPath(text: string): string {
	const t = text.trim();
	if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t.endsWith(t[0]!)) return t.slice(1, -1);
	if (/^file:\/\//i.test(t)) {
		try {
			const url = new URL(t);
			if (url.hostname === '' || url.hostname === 'localhost') {
				const path = decodeURIComponent(url.pathname);
				return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
			}
		} catch {
			return t;
		}
	}
	return /^(~|\.{0,2}\/)/.test(t) || /\.json$/i.test(t) ? t.replace(SHELL_ESCAPED, '$1') : t;
}

/**
 * Whether the text reads as a file path rather than key material: one line, not JSON, and
 * shaped like a path (in any pasted form). Such text may be shown on screen; anything else is masked.
 */
export function looksLikePath(text: string): boolean {
	const t = pastedPath(text);
	if (!t || t.includes('\n') || t.startsWith('{')) return false;
	return /^(~|\.{1,2}\/|\/)/.test(t) || /\.json$/i.test(t) || /^[A-Za-z]:[\\/]/.test(t);
}

export function expandPath(path: string, files: Pick<FileAccess, 'home' | 'cwd'>): string {
	const t = pastedPath(path);
	const expanded = t === '~' ? files.home() : t.startsWith('~/') ? files.home() + t.slice(1) : t;
	return isAbsolute(expanded) ? expanded : resolve(files.cwd(), expanded);
}

/** The key's client_email, safe for the terminal. */
export const describeKey = (clientEmail: string): string => `service-account key for ${sanitize(clientEmail).slice(0, 120)}`;

export function resolveGcsKey(text: string, files: FileAccess = realFiles): GcsKeySource {
	const t = text.trim();
	if (!t) return {ok: false, problem: 'is required: give the path to the key file, or paste its JSON or base64'};
	// A single line naming an existing file is a path even when it does not look like one.
	const candidate = !t.includes('\n') && !t.startsWith('{') ? expandPath(t, files) : undefined;
	const found = candidate ? files.stat(candidate) : undefined;
	if (candidate && found?.isFile) {
		if (found.size > MAX_KEY_FILE) return {ok: false, problem: `names a file too large to be a key file: ${sanitize(candidate)}`};
		return fromFile(candidate, files);
	}
	if (candidate && looksLikePath(t)) {
		return {ok: false, problem: found ? `is not a file: ${sanitize(candidate)}` : `names no file: ${sanitize(candidate)}`};
	}
	const parsed = parseServiceAccountKey(t);
	if (!parsed.ok) return {ok: false, problem: parsed.problem};
	return {ok: true, base64: parsed.base64, clientEmail: parsed.clientEmail, from: 'pasted'};
}

function fromFile(path: string, files: FileAccess): GcsKeySource {
	let content: string;
	try {
		content = files.readFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : 'cannot be read';
		return {ok: false, problem: `${why}: ${sanitize(path)}`};
	}
	const parsed = parseServiceAccountKey(content);
	// The file's text is untrusted and may be a secret: the problem names the file, never its content.
	if (!parsed.ok)
		return {ok: false, problem: `names a file that ${parsed.problem.replace(/: paste the whole key file$/, '')} (${sanitize(path)})`};
	return {ok: true, base64: parsed.base64, clientEmail: parsed.clientEmail, from: 'file', path};
}
