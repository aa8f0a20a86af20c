// destui's entry point: `destui sandbox ...` runs the local Destinations API; anything else
// starts the terminal UI.
const argv = process.argv.slice(2);

if (argv[0] === 'sandbox') {
	const {runSandboxCommand} = await import('./sandbox/cli.js');
	process.exitCode = await runSandboxCommand(argv.slice(1));
} else {
	const {runDestui} = await import('./launch.js');
	process.exitCode = await runDestui(argv);
}
