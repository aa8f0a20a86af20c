// `npm run soak -- [--seed N] [--keys K]`: one seeded soak run of destui as shipped (issue 15).
// Prints the seed first, its figures at the end, and on a failure what failed with the last 50
// keys and the command that replays it. Exits 1 when an invariant failed.
import {figureLines} from './report.js';
import {runSoak} from './session.js';

const USAGE = 'usage: npm run soak -- [--seed N] [--keys K] [--quiet]';

function parse(argv: string[]): {seed: number; keys: number; quiet: boolean} {
	let seed = Math.floor(Math.random() * 2 ** 31);
	let keys = 2000;
	let quiet = false;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]!;
		const value = () => {
			const v = Number(argv[++i]);
			if (!Number.isInteger(v) || v < 0) {
				console.error(`${a} needs a whole number\n${USAGE}`);
				process.exit(2);
			}
			return v;
		};
		if (a === '--seed') seed = value();
		else if (a === '--keys') keys = value();
		else if (a === '--quiet') quiet = true;
		else {
			console.error(`unknown option ${a}\n${USAGE}`);
			process.exit(2);
		}
	}
	return {seed, keys, quiet};
}

const {seed, keys, quiet} = parse(process.argv.slice(2));
console.log(`destui soak · seed ${seed} · ${keys} keys (replay: npm run soak -- --seed ${seed} --keys ${keys})`);
const report = await runSoak({seed, keys, progress: quiet ? undefined : (line) => console.log(line)});
for (const line of figureLines(report.figures)) console.log(line);
if (report.ok) {
	console.log(`PASS seed ${seed}`);
	process.exit(0);
}
console.log(`FAIL seed ${seed}:`);
for (const failure of report.failures) console.log(`  ✗ ${failure}`);
console.log(`last ${report.lastKeys.length} keys, oldest first:`);
for (const k of report.lastKeys) console.log(`  ${k}`);
console.log(`replay: npm run soak -- --seed ${seed} --keys ${keys}`);
process.exit(1);
