// Copy through the terminal (OSC 52): works over SSH and needs no clipboard tool. tmux and
// screen pass it on only when wrapped in their own passthrough sequence.
export function osc52(text: string, env: NodeJS.ProcessEnv = process.env): string {
	const seq = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
	if (env.TMUX) return `\x1bPtmux;${seq.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
	if (env.TERM?.startsWith('screen')) return `\x1bP${seq}\x1b\\`;
	return seq;
}
