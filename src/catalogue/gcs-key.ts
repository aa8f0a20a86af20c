// A GCS destination wants the service-account key file as one line of base64. Users hold the
// JSON file, or its base64 from an earlier setup; accept either and always send base64.

export type GcsKeyResult = {ok: true; base64: string; clientEmail: string; projectId?: string} | {ok: false; problem: string};

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function parseServiceAccountKey(input: string): GcsKeyResult {
	const text = input.trim();
	if (!text) return {ok: false, problem: 'is required: paste the key JSON, its base64, or give the path to the key file'};
	let json = text;
	if (!text.startsWith('{')) {
		const compact = text.replace(/\s+/g, '');
		if (!BASE64.test(compact)) return {ok: false, problem: 'must be the service-account key JSON or its base64'};
		json = Buffer.from(compact, 'base64').toString('utf8').trim();
		if (!json.startsWith('{')) return {ok: false, problem: 'decodes from base64, but not to a JSON key file'};
	}
	let key: unknown;
	try {
		key = JSON.parse(json);
	} catch {
		return {ok: false, problem: 'is not valid JSON: paste the whole key file'};
	}
	if (typeof key !== 'object' || key === null) return {ok: false, problem: 'must be a JSON object'};
	const k = key as Record<string, unknown>;
	if (k.type !== 'service_account') return {ok: false, problem: 'must be a service-account key ("type": "service_account")'};
	if (typeof k.client_email !== 'string' || !k.client_email) return {ok: false, problem: 'is missing client_email'};
	if (typeof k.private_key !== 'string' || !k.private_key) return {ok: false, problem: 'is missing private_key'};
	return {
		ok: true,
		base64: Buffer.from(JSON.stringify(key), 'utf8').toString('base64'),
		clientEmail: k.client_email,
		projectId: typeof k.project_id === 'string' ? k.project_id : undefined,
	};
}
