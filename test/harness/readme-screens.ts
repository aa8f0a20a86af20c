// Regenerates the screens and the keys section of README.md from the real program (see readme.ts).
// Run: npm run readme:screens
import {writeFile} from 'node:fs/promises';
import {captureScreens, README, readReadme, withProgramParts} from './readme.js';

const screens = await captureScreens();
await writeFile(README, withProgramParts(await readReadme(), screens));
console.log(`README.md: ${Object.keys(screens).join(', ')} screens and the keys regenerated`);
process.exit(0);
