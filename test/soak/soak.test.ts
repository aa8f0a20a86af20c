// A short seeded soak in every test run (issue 15): destui as shipped, random keys from its key
// maps against a sandbox spoiling a share of the requests, every invariant checked. The long runs
// (`npm run soak -- --keys 10000`) are in the README with their figures.
import {expect, it} from 'vitest';
import {figureLines} from './report.js';
import {runSoak} from './session.js';

const SEED = 15;
const KEYS = 500;

it(`a short soak (seed ${SEED}, ${KEYS} keys) keeps every invariant`, {timeout: 120_000}, async () => {
	const report = await runSoak({seed: SEED, keys: KEYS});
	const told = [...report.failures, ...figureLines(report.figures), 'last keys:', ...report.lastKeys].join('\n');
	expect(report.failures, told).toEqual([]);
	expect(report.figures.keys).toBeGreaterThanOrEqual(KEYS);
});
