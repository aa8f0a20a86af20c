// Copying through the terminal: the sequences (OSC 52, and the wrappers screen and old tmux need)
// and what a copy did, for the message that says so. Pure; src/cli/clipboard.ts does the copying.

/** How the text was copied, so the message can say what was done. */
export type CopyOutcome =
	/** tmux's own buffer command (`tmux load-buffer -w -`): tmux's paste buffer, and the clipboard through tmux. */
	| {way: 'tmux'}
	/** Written as OSC 52: plain, or wrapped for screen or for tmux's passthrough (tmux's command failed: `why`). */
	| {way: 'osc52'; through?: 'screen' | 'tmux-passthrough'; why?: string};

/** What copies `text`: tests and the launcher pass their own. */
export type Copier = (text: string) => CopyOutcome | void | Promise<CopyOutcome | void>;

export const osc52 = (text: string): string => `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;

/** GNU screen passes a sequence on to the terminal when it is wrapped in its DCS passthrough. */
export const screenPassthrough = (seq: string): string => `\x1bP${seq}\x1b\\`;

/** tmux's passthrough (refused by tmux 3.3 and newer unless allow-passthrough is on). */
export const tmuxPassthrough = (seq: string): string => `\x1bPtmux;${seq.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;

/** Inside GNU screen (STY is screen's session; TERM=screen alone is also tmux's default). */
export const inScreen = (env: NodeJS.ProcessEnv): boolean => !env.TMUX && (Boolean(env.STY) || (env.TERM?.startsWith('screen') ?? false));
