// Validation rules shared by the catalogue's fields. Each returns a plain-words problem, or
// undefined when the value is acceptable. The server documents no rules beyond "required" and the
// name length, so these follow each cloud's own published naming rules: catching them here saves
// the user a round trip that would end in a verification failure.

export type Rule = (value: string) => string | undefined;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export const nameRule: Rule = (v) => {
	const n = [...v].length;
	if (n < 3 || n > 63) return `must be 3-63 characters (is ${n})`;
	return undefined;
};

/** Amazon S3 general-purpose bucket rules, also the safe subset for S3-compatible stores. */
export const s3BucketRule: Rule = (v) => {
	if (v.length < 3 || v.length > 63) return 'must be 3-63 characters';
	if (!/^[a-z0-9.-]+$/.test(v)) return 'may only hold lowercase letters, digits, dots and hyphens';
	if (!/^[a-z0-9]/.test(v) || !/[a-z0-9]$/.test(v)) return 'must start and end with a letter or digit';
	if (v.includes('..')) return 'may not hold two dots in a row';
	if (IPV4.test(v)) return 'may not look like an IP address';
	if (v.startsWith('xn--')) return 'may not start with "xn--"';
	if (v.endsWith('-s3alias') || v.endsWith('--ol-s3')) return 'may not end with "-s3alias" or "--ol-s3"';
	return undefined;
};

export const gcsBucketRule: Rule = (v) => {
	if (v.length < 3 || v.length > 222) return 'must be 3-63 characters (up to 222 with dots)';
	if (!/^[a-z0-9._-]+$/.test(v)) return 'may only hold lowercase letters, digits, dots, hyphens and underscores';
	if (!/^[a-z0-9]/.test(v) || !/[a-z0-9]$/.test(v)) return 'must start and end with a letter or digit';
	if (!v.includes('.') && v.length > 63) return 'must be 3-63 characters (up to 222 with dots)';
	if (v.split('.').some((part) => part.length > 63)) return 'each dot-separated part may be at most 63 characters';
	if (IPV4.test(v)) return 'may not look like an IP address';
	if (v.startsWith('goog')) return 'may not start with "goog"';
	if (/g[o0][o0]gle/.test(v)) return 'may not contain "google"';
	return undefined;
};

export const azureContainerRule: Rule = (v) => {
	if (v.length < 3 || v.length > 63) return 'must be 3-63 characters';
	if (!/^[a-z0-9-]+$/.test(v)) return 'may only hold lowercase letters, digits and hyphens';
	if (!/^[a-z0-9]/.test(v) || !/[a-z0-9]$/.test(v)) return 'must start and end with a letter or digit';
	if (v.includes('--')) return 'may not hold two hyphens in a row';
	return undefined;
};

export const azureAccountRule: Rule = (v) =>
	/^[a-z0-9]{3,24}$/.test(v) ? undefined : 'must be 3-24 lowercase letters and digits';

export const oracleBucketRule: Rule = (v) => {
	if (v.length < 1 || v.length > 256) return 'must be 1-256 characters';
	if (!/^[A-Za-z0-9._-]+$/.test(v)) return 'may only hold letters, digits, dots, hyphens and underscores';
	return undefined;
};

export const oracleNamespaceRule: Rule = (v) =>
	/^[a-z0-9]{1,63}$/.test(v) ? undefined : 'must be 1-63 lowercase letters and digits';

export const awsRegionRule: Rule = (v) =>
	/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(v) ? undefined : 'must look like us-west-2';

export const oracleRegionRule: Rule = (v) =>
	/^[a-z]{2}-[a-z]+-\d{1,2}$/.test(v) ? undefined : 'must look like us-ashburn-1';

export const genericRegionRule: Rule = (v) =>
	/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(v) ? undefined : 'must be letters, digits, dots, hyphens or underscores, no spaces';

export const httpsUrlRule: Rule = (v) => {
	let url: URL;
	try {
		url = new URL(v);
	} catch {
		return 'must be a URL such as https://objects.example.com';
	}
	if (url.protocol !== 'https:') return 'must start with https://';
	if (!url.hostname) return 'must name a host';
	if (url.username || url.password) return 'may not carry a user name or password';
	if (url.search || url.hash) return 'may not carry a query or fragment';
	return undefined;
};

export const hostSuffixRule: Rule = (v) =>
	/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(v) ? undefined : 'must be a domain such as core.windows.net';

export const accessKeyIdRule: Rule = (v) =>
	/^[A-Za-z0-9_+/=-]{4,128}$/.test(v) ? undefined : 'must be 4-128 letters and digits, no spaces';

export const secretRule: Rule = (v) => {
	if (v.length < 8) return 'looks too short to be a secret key';
	if (/\s/.test(v)) return 'may not hold spaces or line breaks';
	return undefined;
};

/** Azure SAS tokens are pasted from the portal with a leading '?'; the API wants it without. */
export const cleanSasToken = (v: string): string => v.trim().replace(/^\?+/, '');

export const sasTokenRule: Rule = (v) => {
	const token = cleanSasToken(v);
	if (/\s/.test(token)) return 'may not hold spaces or line breaks';
	const params = new URLSearchParams(token);
	if (!params.get('sig')) return 'must be a SAS query string holding sig=… (e.g. sv=…&sp=…&sig=…)';
	if (!params.get('sv')) return 'must be a SAS query string holding sv=… (the service version)';
	return undefined;
};
