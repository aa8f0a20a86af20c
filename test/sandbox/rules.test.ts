// The sandbox judges parameters with the catalogue, so it accepts every value the wizard accepts
// (warnings included, normalised the same way) and refuses every certainly-invalid one with a 400
// naming the field and the rule's source. Same examples as test/unit/catalogue-rules.test.ts.
import {describe, expect, it} from 'vitest';
import {provider} from '../../src/catalogue/providers.js';
import {INVALID, VALID} from '../unit/rule-examples.js';
import {API, BODIES, call, sandbox} from './helpers.js';

const withValue = (type: keyof typeof BODIES, key: string, value: string, name: string) => ({
	type,
	parameters: {...BODIES[type].parameters, [key]: value},
	name,
});

describe('the sandbox accepts what the wizard accepts', () => {
	it('creates a destination for every valid example, storing the normalised value', async () => {
		const sb = await sandbox({seed: 'empty'});
		for (const [i, e] of VALID.entries()) {
			const res = await call(sb, 'POST', API, {body: withValue(e.type, e.key, e.value, `rule example ${i}`)});
			expect(res.status, `${e.type} ${e.key} ${e.value}: ${res.text}`).toBe(201);
			const secret = provider(e.type).fields.find((f) => f.key === e.key)!.secret;
			if (!secret) expect(res.json.parameters[e.key]).toBe(e.sent ?? e.value.trim());
			// Archived destinations do not count towards the organisation's 50.
			expect((await call(sb, 'PATCH', `${API}/${res.json.id}`, {body: {archive: true}})).status).toBe(200);
		}
	});

	it('refuses every certainly-invalid example with 400 naming the field and the rule', async () => {
		const sb = await sandbox({seed: 'empty'});
		for (const e of INVALID) {
			const res = await call(sb, 'POST', API, {body: withValue(e.type, e.key, e.value, 'invalid example')});
			expect(res.status, `${e.type} ${e.key} ${e.value}`).toBe(400);
			expect(res.json.message).toContain(`Invalid parameters: ${e.key} `);
			const field = provider(e.type).fields.find((f) => f.key === e.key);
			const check = field?.kind === 'text' ? field.rules.find((c) => c.id === e.rule) : undefined;
			expect(res.json.message).toContain(check!.source!.name);
		}
		expect((await call(sb, 'GET', `${API}?archived=true`)).json.destinations).toEqual([]);
		expect((await call(sb, 'GET', API)).json.destinations).toEqual([]);
	});
});
