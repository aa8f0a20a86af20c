// destui's entry point: `destui sandbox ...` runs the local Destinations API; anything else
// starts the terminal UI. It is bundled as CommonJS (see src/build.mjs), so no top-level await.
import {isSandboxCommand} from './cli/subcommand.js';

async function main(argv: string[]): Promise<number> {
	if (isSandboxCommand(argv)) {
		const {runSandboxCommand} = await import('./sandbox/cli.js');
		return runSandboxCommand(argv.slice(1));
	}
	const {runDestui} = await import('./launch.js');
	return runDestui(argv);
}

void main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});
