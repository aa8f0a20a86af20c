// `planet auth login` records the profile it signed in to in ~/.planet.json when the file names
// none yet, keeping every other key (spec §1). destui does the same after its own sign-in, and
// never replaces a profile already named there (the CLI would ask first).
import {join} from 'node:path';
import {readJsonObject, writeJsonAtomic} from './json-file.js';

export type Recorded = 'recorded' | 'kept' | 'unreadable';

export function recordDefaultProfile(home: string, name: string): Recorded {
	const path = join(home, '.planet.json');
	const file = readJsonObject(path);
	// A file destui cannot read is left alone rather than replaced.
	if (file.kind === 'unusable') return 'unreadable';
	const current = file.kind === 'object' ? file.value : {};
	if (typeof current.PL_AUTH_PROFILE === 'string' && current.PL_AUTH_PROFILE.trim() !== '') return 'kept';
	writeJsonAtomic(path, {...current, PL_AUTH_PROFILE: name});
	return 'recorded';
}
