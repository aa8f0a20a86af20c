// Access tokens are HS256 JWTs so that clients can read `iat` and `exp` from them as planet-auth
// does (spec planet-auth.md §4). The sandbox only ever signs: it recognises its tokens by looking
// them up in the table of tokens it issued, which also lets it forget them.
import {SignJWT} from 'jose';

export const signJwt = (claims: Record<string, unknown>, key: Uint8Array): Promise<string> =>
	new SignJWT(claims).setProtectedHeader({alg: 'HS256', typ: 'JWT'}).sign(key);
