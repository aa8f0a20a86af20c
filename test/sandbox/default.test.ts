// GET/PUT/DELETE /destinations/v1/default: one default per org, owners and admins only.
import {describe, expect, it} from 'vitest';
import {API, body, call, sandbox, SECRET_VALUES, type Who} from './helpers.js';

const NO_DEFAULT = {code: 404, message: 'No default destination configured'};

async function setup() {
	const sb = await sandbox({seed: 'empty'});
	const make = async (bucket: string, as: Who) => (await call(sb, 'POST', API, {body: body('amazon_s3', bucket), as})).json;
	return {
		sb,
		mine: await make('mine-bucket', 'user'),
		theirs: await make('theirs-bucket', 'other'),
		second: await make('second-bucket', 'user'),
	};
}

describe('default destination', () => {
	it('GET with none set answers 404 with the real message', async () => {
		const {sb} = await setup();
		const res = await call(sb, 'GET', `${API}/default`);
		expect(res.status).toBe(404);
		expect(res.json).toEqual(NO_DEFAULT);
	});

	it('PUT by id sets it (200, default: true), GET returns it, the list flags it', async () => {
		const {sb, mine} = await setup();
		const res = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		expect(res.status).toBe(200);
		expect(res.json.id).toBe(mine.id);
		expect(res.json.default).toBe(true);
		const got = await call(sb, 'GET', `${API}/default`, {as: 'other'});
		expect(got.json.id).toBe(mine.id);
		for (const reply of [res, got]) {
			expect(reply.json.parameters.aws_secret_access_key).toBe('<REDACTED>');
			for (const secret of SECRET_VALUES) expect(reply.text).not.toContain(secret);
		}
		expect(got.json.default).toBe(true);
		const list = (await call(sb, 'GET', API)).json.destinations;
		expect(list.filter((d: {default: boolean}) => d.default).map((d: {id: string}) => d.id)).toEqual([mine.id]);
	});

	it('PUT accepts a pl:ref too, and moves the default (the previous one turns false)', async () => {
		const {sb, mine, second} = await setup();
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		const res = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: second['pl:ref']}});
		expect(res.status).toBe(200);
		expect(res.json.id).toBe(second.id);
		expect((await call(sb, 'GET', `${API}/${mine.id}`)).json.default).toBe(false);
		expect((await call(sb, 'GET', `${API}/${second.id}`)).json.default).toBe(true);
		expect((await call(sb, 'GET', `${API}?is_default=true`)).json.destinations.map((d: {id: string}) => d.id)).toEqual([second.id]);
	});

	it('PUT with an unknown id answers 404 and keeps the current default', async () => {
		const {sb, mine} = await setup();
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		for (const id of ['nope-AAAAAAAAAAAAAAAAAAAAA', 'pl:destinations/nope-AAAAAAAAAAAAAAAAAAAAA']) {
			const res = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: id}});
			expect(res.status).toBe(404);
			expect(res.json).toEqual({code: 404, message: 'Not found'});
		}
		expect((await call(sb, 'GET', `${API}/default`)).json.id).toBe(mine.id);
	});

	it.each([
		['no destination_id', {}],
		['a non-string destination_id', {destination_id: 7}],
		['an extra field', {destination_id: 'x', colour: 'blue'}],
	])('PUT with %s answers 400', async (_label, payload) => {
		const {sb} = await setup();
		const res = await call(sb, 'PUT', `${API}/default`, {body: payload});
		expect(res.status).toBe(400);
		expect(res.json.code).toBe(400);
	});

	it('PUT by a member who does not own the destination answers 403; the owner and an admin may', async () => {
		const {sb, mine, theirs} = await setup();
		const refused = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: theirs.id}, as: 'user'});
		expect(refused.status).toBe(403);
		expect(refused.json.code).toBe(403);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
		expect((await call(sb, 'PUT', `${API}/default`, {body: {destination_id: theirs.id}, as: 'other'})).status).toBe(200);
		expect((await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}, as: 'admin'})).status).toBe(200);
		expect((await call(sb, 'GET', `${API}/default`)).json.id).toBe(mine.id);
	});

	it('DELETE unsets it: 204 with an empty body, then GET and DELETE answer 404', async () => {
		const {sb, mine} = await setup();
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		const res = await call(sb, 'DELETE', `${API}/default`);
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await call(sb, 'GET', `${API}/${mine.id}`)).json.default).toBe(false);
		expect((await call(sb, 'GET', `${API}/default`)).json).toEqual(NO_DEFAULT);
		const again = await call(sb, 'DELETE', `${API}/default`);
		expect(again.status).toBe(404);
		expect(again.json).toEqual(NO_DEFAULT);
	});

	it('DELETE by a member who does not own the default answers 403; an admin may', async () => {
		const {sb, theirs} = await setup();
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: theirs.id}, as: 'other'});
		const refused = await call(sb, 'DELETE', `${API}/default`, {as: 'user'});
		expect(refused.status).toBe(403);
		expect((await call(sb, 'GET', `${API}/default`)).json.id).toBe(theirs.id);
		expect((await call(sb, 'DELETE', `${API}/default`, {as: 'admin'})).status).toBe(204);
	});

	it('an archived destination cannot become the default (400), and archiving the default unsets it', async () => {
		const {sb, mine, second} = await setup();
		await call(sb, 'PATCH', `${API}/${second.id}`, {body: {archive: true}});
		const refused = await call(sb, 'PUT', `${API}/default`, {body: {destination_id: second.id}});
		expect(refused.status).toBe(400);
		expect(refused.json.message).toMatch(/archived/);
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		const archived = await call(sb, 'PATCH', `${API}/${mine.id}`, {body: {archive: true}});
		expect(archived.json.default).toBe(false);
		expect((await call(sb, 'GET', `${API}/default`)).status).toBe(404);
	});

	it('the literal "default" path wins over an id, and pl:destinations/default resolves to it', async () => {
		const {sb, mine} = await setup();
		await call(sb, 'PUT', `${API}/default`, {body: {destination_id: mine.id}});
		const viaRef = await call(sb, 'GET', `${API}/${encodeURIComponent('pl:destinations/default')}`);
		expect(viaRef.json.id).toBe(mine.id);
		expect((await call(sb, 'PATCH', `${API}/default`, {body: {archive: true}})).status).toBe(405);
	});
});
