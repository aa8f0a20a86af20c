// Access tokens are HS256 JWTs so that clients can read `iat` and `exp` from them as planet-auth
// does (spec planet-auth.md §4). node:crypto's HMAC rather than `jose`: the sandbox only ever
// signs (it recognises its tokens by looking them up in the table of tokens it issued, which also
// lets it forget them), so one HMAC call is all it needs, stays synchronous like the router, and
// adds nothing to the bundle.
import {createHmac} from 'node:crypto';

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

export function signJwt(claims: Record<string, unknown>, key: Buffer): string {
	const signingInput = `${base64url(JSON.stringify({alg: 'HS256', typ: 'JWT'}))}.${base64url(JSON.stringify(claims))}`;
	return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}
