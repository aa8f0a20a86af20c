// A throwaway certificate for serving the sandbox over HTTPS, as Planet's API is reached: a new
// P-256 key and a self-signed certificate for the loopback names, made by the `openssl` command
// (Node can make keys but not certificates). Clients trust it through its PEM, e.g. a file named
// in NODE_EXTRA_CA_CERTS. Test and benchmark use only: nothing of it is ever kept.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export interface Certificate {
	key: string;
	cert: string;
}

/** Why no certificate can be made here (no usable `openssl`), or undefined when one can. */
export function certificateUnavailable(): string | undefined {
	try {
		execFileSync('openssl', ['version'], {stdio: 'ignore'});
		return undefined;
	} catch {
		return 'the openssl command is not installed, and Node cannot make a certificate by itself';
	}
}

/** A key and a certificate good for a day, for 127.0.0.1, ::1 and localhost. Throws without openssl. */
export function selfSignedCertificate(): Certificate {
	const dir = mkdtempSync(join(tmpdir(), 'destui-sandbox-tls-'));
	try {
		const key = join(dir, 'key.pem');
		const cert = join(dir, 'cert.pem');
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=destui sandbox',
				'-addext',
				'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost',
				'-keyout',
				key,
				'-out',
				cert,
			],
			{stdio: 'ignore'},
		);
		return {key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8')};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
