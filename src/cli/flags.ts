// Strict flag parsing shared by `destui` and `destui sandbox`: anything unknown or malformed
// becomes a UsageError with one plain line (the caller prints usage and exits 2).
import {parseArgs, type ParseArgsConfig} from 'node:util';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export function parseFlags<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
	try {
		return parseArgs({args: argv, options, strict: true, allowPositionals: false}).values;
	} catch (err) {
		// Node's messages name the flag, never a value we were given; its hint about positional
		// arguments is noise for a command that takes none.
		const text = err instanceof Error ? err.message.split('\n')[0]! : 'bad arguments';
		throw new UsageError(text.replace(/\. To specify a positional argument.*$/, ''));
	}
}
