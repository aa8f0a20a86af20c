// The screens in README.md are the program's: destui --demo in a real terminal draws them
// (relative times aside, which move on as the fixture data ages). `npm run readme:screens`
// regenerates them when the program changes.
import {expect, it} from 'vitest';
import {captureScreens, readReadme, screenIn} from '../harness/readme.js';

const timeless = (screen: string) => screen.replace(/\b\d+(s|m|h|d|w|mo|y) ago\b/g, 'N ago');

it('README screens are what destui --demo shows', async () => {
	const readme = await readReadme();
	for (const [name, screen] of Object.entries(await captureScreens())) {
		expect(timeless(screenIn(readme, name) ?? `no ${name} screen in README.md`), `the ${name} screen`).toBe(timeless(screen));
	}
}, 30_000);
