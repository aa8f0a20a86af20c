// A private HOME per test for credential tests: the planet CLI's files written as it writes them,
// removed after the test. Nothing here touches the real home folder.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach} from 'vitest';

const homes: string[] = [];
afterEach(() => {
	for (const h of homes.splice(0)) rmSync(h, {recursive: true, force: true});
});

export interface Home {
	path: string;
	/** ~/.planet.json; a string is written as it is (to test broken files). */
	planetJson(content: unknown): void;
	/** ~/.planet/<dir>/<file> (auth_client.json unless said). */
	profileFile(dir: string, content: unknown, file?: string): string;
	file(...parts: string[]): string;
}

export function privateHome(): Home {
	const path = mkdtempSync(join(tmpdir(), 'destui-home-'));
	homes.push(path);
	const write = (file: string, content: unknown): string => {
		mkdirSync(join(file, '..'), {recursive: true});
		writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content), {mode: 0o600});
		return file;
	};
	return {
		path,
		planetJson: (content) => void write(join(path, '.planet.json'), content),
		profileFile: (dir, content, file = 'auth_client.json') => write(join(path, '.planet', dir, file), content),
		file: (...parts) => join(path, ...parts),
	};
}
