// placeholder: replaced by the main-screen work (issue 3)
import {VERSION} from './version.js';
export async function runDestui(argv: string[]): Promise<number> {
	if (argv.includes('--version')) {
		process.stdout.write(`destui ${VERSION}\n`);
		return 0;
	}
	process.stderr.write('destui: not built yet\n');
	return 1;
}
