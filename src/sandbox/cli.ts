// placeholder: replaced by the sandbox work (issue 2)
export async function runSandboxCommand(_argv: string[]): Promise<number> {
	process.stderr.write('destui sandbox: not built yet\n');
	return 1;
}
