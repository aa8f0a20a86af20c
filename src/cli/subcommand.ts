/** `destui sandbox ...` runs the local Destinations API; anything else starts the terminal UI. */
export const isSandboxCommand = (argv: readonly string[]): boolean => argv[0] === 'sandbox';
