import {chmodSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {
	describeKey,
	expandPath,
	looksLikePath,
	pastedPath,
	realFiles,
	resolveGcsKey,
	type FileAccess,
} from '../../src/wizard/gcs-source.js';

const key = {
	type: 'service_account',
	project_id: 'demo',
	client_email: 'bot@demo.iam.gserviceaccount.com',
	private_key: 'fake-key-material',
};
const json = JSON.stringify(key, null, 2);
const b64 = Buffer.from(JSON.stringify(key)).toString('base64');

const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true});
});
function tempDir(): string {
	const d = mkdtempSync(join(tmpdir(), 'destui-gcs-'));
	dirs.push(d);
	return d;
}

describe('GCS key source', () => {
	it('reads a key file by absolute path and sends its base64', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'sa.json'), json);
		const got = resolveGcsKey(join(dir, 'sa.json'));
		expect(got).toMatchObject({ok: true, from: 'file', clientEmail: key.client_email, base64: b64});
	});

	it('expands a leading ~ to the home directory', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'k.json'), json);
		const files: FileAccess = {...realFiles, home: () => dir};
		expect(expandPath('~/k.json', files)).toBe(join(dir, 'k.json'));
		expect(resolveGcsKey('~/k.json', files)).toMatchObject({ok: true, from: 'file', path: join(dir, 'k.json')});
	});

	it('reads a relative path from the working directory, even without .json', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'mykey'), json);
		const files: FileAccess = {...realFiles, cwd: () => dir};
		expect(resolveGcsKey('mykey', files)).toMatchObject({ok: true, from: 'file'});
	});

	it('accepts the key pasted as JSON or base64', () => {
		expect(resolveGcsKey(json)).toMatchObject({ok: true, from: 'pasted', base64: b64});
		expect(resolveGcsKey(b64)).toMatchObject({ok: true, from: 'pasted', base64: b64});
	});

	it('names what is wrong with a path without showing any content', () => {
		const dir = tempDir();
		expect(resolveGcsKey(join(dir, 'missing.json'))).toEqual({ok: false, problem: `names no file: ${join(dir, 'missing.json')}`});
		expect(resolveGcsKey(dir + '/')).toMatchObject({ok: false, problem: expect.stringContaining('is not a file')});
		writeFileSync(join(dir, 'notkey.json'), '{"type":"authorized_user","secret":"fake-refresh-material"}');
		const notKey = resolveGcsKey(join(dir, 'notkey.json'));
		expect(notKey.ok).toBe(false);
		expect(JSON.stringify(notKey)).not.toContain('fake-refresh-material');
		expect(JSON.stringify(notKey)).toContain('service-account');
		writeFileSync(join(dir, 'broken.json'), '{"private_key": "fake-key-material"');
		const broken = resolveGcsKey(join(dir, 'broken.json'));
		expect(broken.ok).toBe(false);
		expect(JSON.stringify(broken)).not.toContain('fake-key-material');
	});

	it('reports an unreadable file', () => {
		if (process.getuid?.() === 0) return; // root reads anything
		const dir = tempDir();
		writeFileSync(join(dir, 'locked.json'), json);
		chmodSync(join(dir, 'locked.json'), 0o000);
		expect(resolveGcsKey(join(dir, 'locked.json'))).toMatchObject({ok: false, problem: expect.stringContaining('permission denied')});
	});

	it('refuses a file far too large to be a key without reading it', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'big.json'), 'x'.repeat(300 * 1024));
		expect(resolveGcsKey(join(dir, 'big.json'))).toMatchObject({ok: false, problem: expect.stringContaining('too large')});
	});

	it('reads a key file pasted the way terminals paste a dropped file', () => {
		const dir = tempDir();
		const path = join(dir, 'with space.json');
		writeFileSync(path, json);
		const files: FileAccess = {...realFiles, home: () => dir};
		for (const pasted of [
			`'${path}'`,
			`"${path}"`,
			path.replace(/ /g, '\\ '),
			`file://${path.replace(/ /g, '%20')}`,
			`file://localhost${encodeURI(path)}`,
			`  '${path}' `,
			"'~/with space.json'",
			'~/with\\ space.json',
		]) {
			expect(pastedPath(pasted), pasted).toBe(pasted.includes('~') ? pasted.replace(/^'|'$/g, '').replace('\\ ', ' ') : path);
			expect(looksLikePath(pasted), pasted).toBe(true);
			expect(resolveGcsKey(pasted, files), pasted).toMatchObject({ok: true, from: 'file', path, base64: b64});
		}
		// A quoted path that names nothing says so, with the path as it was meant.
		expect(resolveGcsKey(`'${join(dir, 'gone.json')}'`)).toEqual({ok: false, problem: `names no file: ${join(dir, 'gone.json')}`});
		// Backslashes that are not shell escapes stay (a Windows path).
		expect(pastedPath('C:\\Users\\me\\key.json')).toBe('C:\\Users\\me\\key.json');
		expect(pastedPath('file:///C:/Users/me/key.json')).toBe('C:/Users/me/key.json');
	});

	it('tells paths from key material', () => {
		expect(looksLikePath('~/keys/sa.json')).toBe(true);
		expect(looksLikePath('./sa')).toBe(true);
		expect(looksLikePath('sa.json')).toBe(true);
		expect(looksLikePath(json)).toBe(false);
		expect(looksLikePath(b64)).toBe(false);
	});

	it('describes a key by its client_email, stripped of control characters', () => {
		expect(describeKey('bot@x.iam\x1b]52;c;AAAA\x07.com')).toBe('service-account key for bot@x.iam]52;c;AAAA.com');
	});
});
