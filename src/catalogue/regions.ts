// Regions destui knows, offered in pickers and used to tell "a region destui knows" from "a
// region it does not" (a warning, never a refusal: clouds open regions faster than destui ships).
// AWS from the AWS SDKs' partition table, Oracle from the OCI SDKs' region table (SOURCES).

/** Every AWS region of every partition: standard, China, GovCloud, European Sovereign Cloud. */
export const AWS_REGIONS = [
	'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1',
	'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
	'ap-southeast-6', 'ap-southeast-7', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1',
	'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1',
	'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
	'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1', 'eusc-de-east-1',
	'us-iso-east-1', 'us-iso-west-1', 'us-isob-east-1', 'us-isob-west-1', 'eu-isoe-west-1', 'us-isof-east-1', 'us-isof-south-1',
] as const;

/** The shapes of region names in AWS's partitions (the SDKs' `regionRegex`, one per partition). */
export const AWS_REGION_SHAPES: readonly RegExp[] = [
	/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
	/^cn-\w+-\d+$/,
	/^us-gov-\w+-\d+$/,
	/^us-iso[bef]?-\w+-\d+$/,
	/^eu-isoe-\w+-\d+$/,
	/^eusc-de-\w+-\d+$/,
];

/** OCI region identifiers of every realm: commercial, government, sovereign, dedicated (dcc). */
export const ORACLE_REGIONS = [
	'us-ashburn-1', 'us-phoenix-1', 'us-sanjose-1', 'us-chicago-1', 'us-saltlake-2', 'ca-toronto-1', 'ca-montreal-1',
	'sa-saopaulo-1', 'sa-vinhedo-1', 'sa-santiago-1', 'sa-bogota-1', 'sa-valparaiso-1', 'mx-queretaro-1', 'mx-monterrey-1',
	'uk-london-1', 'uk-cardiff-1', 'eu-frankfurt-1', 'eu-amsterdam-1', 'eu-zurich-1', 'eu-madrid-1', 'eu-marseille-1',
	'eu-milan-1', 'eu-paris-1', 'eu-stockholm-1', 'me-jeddah-1', 'me-dubai-1', 'me-abudhabi-1', 'me-riyadh-1',
	'il-jerusalem-1', 'af-johannesburg-1', 'ap-tokyo-1', 'ap-osaka-1', 'ap-seoul-1', 'ap-chuncheon-1', 'ap-mumbai-1',
	'ap-hyderabad-1', 'ap-singapore-1', 'ap-singapore-2', 'ap-sydney-1', 'ap-melbourne-1',
	'us-langley-1', 'us-luke-1', 'us-gov-ashburn-1', 'us-gov-chicago-1', 'us-gov-phoenix-1', 'uk-gov-london-1', 'uk-gov-cardiff-1',
	'ap-chiyoda-1', 'ap-ibaraki-1', 'me-dcc-muscat-1', 'ap-dcc-canberra-1', 'eu-dcc-milan-1', 'eu-dcc-milan-2', 'eu-dcc-dublin-1',
	'eu-dcc-dublin-2', 'eu-dcc-rating-1', 'eu-dcc-rating-2', 'ap-dcc-gazipur-1', 'eu-madrid-2', 'eu-frankfurt-2', 'eu-jovanovac-1',
	'me-dcc-doha-1', 'us-somerset-1', 'us-thames-1', 'eu-dcc-zurich-1', 'eu-crissier-1', 'me-abudhabi-2', 'me-abudhabi-3',
	'me-abudhabi-4', 'ap-seoul-2', 'ap-suwon-1', 'ap-chuncheon-2',
] as const;

/** OCI's three-letter region keys (airport codes), which people sometimes type for the identifier. */
export const ORACLE_REGION_KEYS: Readonly<Record<string, string>> = {
	iad: 'us-ashburn-1', phx: 'us-phoenix-1', sjc: 'us-sanjose-1', ord: 'us-chicago-1', yyz: 'ca-toronto-1', yul: 'ca-montreal-1',
	gru: 'sa-saopaulo-1', vcp: 'sa-vinhedo-1', scl: 'sa-santiago-1', lhr: 'uk-london-1', cwl: 'uk-cardiff-1', fra: 'eu-frankfurt-1',
	ams: 'eu-amsterdam-1', zrh: 'eu-zurich-1', mad: 'eu-madrid-1', mrs: 'eu-marseille-1', lin: 'eu-milan-1', cdg: 'eu-paris-1',
	arn: 'eu-stockholm-1', jed: 'me-jeddah-1', dxb: 'me-dubai-1', auh: 'me-abudhabi-1', mtz: 'il-jerusalem-1', jnb: 'af-johannesburg-1',
	nrt: 'ap-tokyo-1', kix: 'ap-osaka-1', icn: 'ap-seoul-1', yny: 'ap-chuncheon-1', bom: 'ap-mumbai-1', hyd: 'ap-hyderabad-1',
	sin: 'ap-singapore-1', syd: 'ap-sydney-1', mel: 'ap-melbourne-1', qro: 'mx-queretaro-1', ric: 'us-gov-ashburn-1', ltn: 'uk-gov-london-1',
	bgy: 'eu-dcc-milan-1',
};

export const S3_COMPATIBLE_REGIONS = ['us-east-1', 'eu-de', 'eu-nl', 'auto', 'us-ashburn-1', 'eu-frankfurt-1'] as const;

/** Azure clouds' storage endpoint suffixes: public, US Government, China. */
export const AZURE_ENDPOINT_SUFFIXES = ['core.windows.net', 'core.usgovcloudapi.net', 'core.chinacloudapi.cn'] as const;
