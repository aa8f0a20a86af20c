// destui's credential flags: what is refused at once (usage error, exit 2) and why.
import {describe, expect, it} from 'vitest';
import {parseDestuiArgs} from '../../src/cli/args.js';

const error = (argv: string[]) => {
	const r = parseDestuiArgs(argv);
	return r.kind === 'error' ? r.message : `parsed as ${r.kind}`;
};

describe('credential flags', () => {
	it('takes --profile, --auth-server and --sign-in', () => {
		expect(parseDestuiArgs(['--profile', 'Work', '--auth-server', 'http://127.0.0.1:8080/', '--sign-in'])).toEqual({
			kind: 'run',
			options: {
				demo: false,
				profile: 'Work',
				apiKey: undefined,
				authServer: 'http://127.0.0.1:8080/',
				signIn: true,
				baseUrl: undefined,
				readOnly: false,
			},
		});
	});

	it('refuses what cannot work, in one line', () => {
		expect(error(['--profile', ' '])).toBe('--profile needs a profile name');
		expect(error(['--profile', 'a', '--api-key', 'PLAK-x'])).toBe('give --profile or --api-key, not both');
		expect(error(['--auth-server', 'login.planet.com'])).toBe('--auth-server: "login.planet.com" is not a URL');
		expect(error(['--auth-server', 'ftp://x/'])).toBe('--auth-server: it must start with https:// or http://');
		expect(error(['--auth-server', 'https://u:p@x/'])).toBe('--auth-server: it may not hold a user name or password');
		expect(error(['--demo', '--profile', 'a'])).toBe(
			'--demo signs in to its own sandbox: drop --profile (--demo --sign-in tries signing in there)',
		);
		expect(error(['--demo', '--auth-server', 'http://x/'])).toBe(
			'--demo signs in to its own sandbox: drop --auth-server (--demo --sign-in tries signing in there)',
		);
	});

	it('a key that cannot go in a header is a usage error naming the flag, never quoting the key (issue 11 item 8)', () => {
		expect(error(['--api-key', 'PLAK-fake\nsecond'])).toBe(
			'the key given with --api-key has a line break inside (at character 10), so it cannot be sent: it should be one line',
		);
		// Surrounding whitespace (a pasted Windows line end) is trimmed.
		const r = parseDestuiArgs(['--api-key', 'PLAK-fake\r\n']);
		expect(r.kind === 'run' && r.options.apiKey).toBe('PLAK-fake');
	});
});
