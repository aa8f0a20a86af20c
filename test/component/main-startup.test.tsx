// Main screen, the first moments: whatever the first frames show while the start-up list is on
// its way must say it is loading, never that the organisation has no destinations.
import {describe, expect, test} from 'vitest';
import {fault, mountScreen, sandbox, waitFrame} from './main-helpers.js';

describe('start-up', () => {
	test('until the list arrives every frame says it is loading; none claims there are no destinations', async () => {
		const sb = await sandbox();
		await fault(sb, {count: 1, methods: ['GET'], path: '/destinations/v1', latency_ms: 400});
		const s = await mountScreen({sb, seed: 'empty'});
		await waitFrame(s, 'Forestry');
		const before = s.frames().slice(
			0,
			s.frames().findIndex((f) => f.includes('Forestry')),
		);
		expect(before.length).toBeGreaterThan(0);
		for (const f of before) {
			expect(f).toContain('Loading destinations…');
			expect(f).not.toContain('No destinations yet');
		}
	});

	test('an organisation with no destinations says so once the list is in, and how to make one', async () => {
		const s = await mountScreen({seed: 'empty'});
		await waitFrame(s, 'No destinations yet');
		expect(s.frame()).not.toContain('Loading destinations…');
	});
});
