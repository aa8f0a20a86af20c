// Real-world values for every validation rule of the catalogue: each valid one must be accepted
// by the wizard and by the sandbox (some with a warning), each certainly-invalid one refused by
// both, with its rule. Shared by test/unit/catalogue-rules.test.ts and test/sandbox/rules.test.ts.
import type {DestinationType} from '../../src/catalogue/providers.js';

export interface ValidExample {
	type: DestinationType;
	key: string;
	value: string;
	/** The warnings it gets (rule ids); none when absent. */
	warns?: readonly string[];
	/** The value sent, when the catalogue normalises it. */
	sent?: string;
}

export interface InvalidExample {
	type: DestinationType;
	key: string;
	value: string;
	/** The rule that refuses it. */
	rule: string;
}

const SAS = 'sv=2024-11-04&ss=b&srt=co&sp=rwdl&se=2099-01-01T00:00:00Z&sig=fakeSignature%3D';

export const VALID: readonly ValidExample[] = [
	// Amazon S3 regions of every partition, and the case people type them in.
	{type: 'amazon_s3', key: 'aws_region', value: 'us-west-2'},
	{type: 'amazon_s3', key: 'aws_region', value: 'us-gov-west-1'},
	{type: 'amazon_s3', key: 'aws_region', value: 'cn-north-1'},
	{type: 'amazon_s3', key: 'aws_region', value: 'eusc-de-east-1'},
	{type: 'amazon_s3', key: 'aws_region', value: 'US-WEST-2', sent: 'us-west-2'},
	{type: 'amazon_s3', key: 'aws_region', value: 'eu-future-9', warns: ['aws-region/unknown']},
	{type: 'amazon_s3', key: 'aws_region', value: 'uswest2', warns: ['aws-region/unknown']},
	// Amazon S3 buckets, including the pre-2018 us-east-1 shapes.
	{type: 'amazon_s3', key: 'bucket', value: 'my-bucket.v2'},
	{type: 'amazon_s3', key: 'bucket', value: 'sthree'},
	{type: 'amazon_s3', key: 'bucket', value: 'Legacy_Bucket', warns: ['s3-bucket/legacy']},
	{type: 'amazon_s3', key: 'aws_access_key_id', value: 'FAKEACCESSKEYID00000'},
	{type: 'amazon_s3', key: 'aws_access_key_id', value: 'FAKE12', warns: ['aws-key-id/length']},
	{type: 'amazon_s3', key: 'aws_access_key_id', value: 'ASIAFAKETEMPKEY00000', warns: ['aws-key-id/temporary']},
	{type: 'amazon_s3', key: 'aws_secret_access_key', value: 'short', warns: ['secret/short']},
	// S3-compatible stores are not held to Amazon's rules.
	{type: 's3_compatible', key: 'bucket', value: 'Oracle_Bucket-2024', warns: ['s3c-bucket/aws-rules']},
	{type: 's3_compatible', key: 'bucket', value: 'ab', warns: ['s3c-bucket/aws-rules']},
	{type: 's3_compatible', key: 'bucket', value: 'data--x-s3'},
	{type: 's3_compatible', key: 'access_key_id', value: 'abc'},
	{type: 's3_compatible', key: 'region', value: 'auto'},
	{type: 's3_compatible', key: 'region', value: 'EU-DE'},
	{type: 's3_compatible', key: 'endpoint', value: 'https://minio.lab.example.com:9000'},
	{type: 's3_compatible', key: 'endpoint', value: 'http://minio.local:9000', warns: ['endpoint/http']},
	// Google Cloud Storage.
	{type: 'google_cloud_storage', key: 'bucket', value: 'my_bucket-1'},
	{type: 'google_cloud_storage', key: 'bucket', value: 'imagery.example.com'},
	// Azure.
	{type: 'azure_blob_storage', key: 'container', value: '$root'},
	{type: 'azure_blob_storage', key: 'container', value: '$web'},
	{type: 'azure_blob_storage', key: 'container', value: '$logs', warns: ['azure-container/logs']},
	{type: 'azure_blob_storage', key: 'container', value: 'imagery-01'},
	{type: 'azure_blob_storage', key: 'account', value: 'PlanetStore1', sent: 'planetstore1'},
	{type: 'azure_blob_storage', key: 'storage_endpoint_suffix', value: 'core.usgovcloudapi.net'},
	{type: 'azure_blob_storage', key: 'storage_endpoint_suffix', value: 'Core.ChinaCloudAPI.cn', sent: 'core.chinacloudapi.cn'},
	{type: 'azure_blob_storage', key: 'storage_endpoint_suffix', value: 'blob.core.windows.net', warns: ['azure-suffix/blob']},
	{type: 'azure_blob_storage', key: 'storage_endpoint_suffix', value: 'azurestack.contoso.local', warns: ['azure-suffix/unknown']},
	{type: 'azure_blob_storage', key: 'sas_token', value: `?${SAS}`, sent: SAS},
	{type: 'azure_blob_storage', key: 'sas_token', value: `https://wizacct01.blob.core.windows.net/wiz-container?${SAS}`, sent: SAS},
	{type: 'azure_blob_storage', key: 'sas_token', value: 'sv=2020-08-04&sp=rwdl&se=2021-01-01&sig=old', warns: ['sas/expired']},
	{type: 'azure_blob_storage', key: 'sas_token', value: 'sv=2024-11-04&sp=rw&sig=x', warns: ['sas/permissions']},
	// Oracle: every realm's region shape.
	{type: 'oracle_cloud_storage', key: 'region', value: 'us-ashburn-1'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'us-gov-ashburn-1'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'uk-gov-london-1'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'eu-dcc-milan-1'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'us-saltlake-2'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'eu-newcity-1', warns: ['oci-region/unknown']},
	{type: 'oracle_cloud_storage', key: 'region', value: 'IAD', sent: 'iad', warns: ['oci-region/unknown']},
	{type: 'oracle_cloud_storage', key: 'bucket', value: 'Scenes_2024.raw'},
	{type: 'oracle_cloud_storage', key: 'namespace', value: 'AcmeTenancy', sent: 'acmetenancy'},
	{type: 'oracle_cloud_storage', key: 'customer_access_key_id', value: 'k1'},
];

export const INVALID: readonly InvalidExample[] = [
	{type: 'amazon_s3', key: 'bucket', value: 'sthree-imagery', rule: 's3-bucket/reserved-prefix'},
	{type: 'amazon_s3', key: 'bucket', value: 'amzn-s3-demo-bucket', rule: 's3-bucket/reserved-prefix'},
	{type: 'amazon_s3', key: 'bucket', value: 'xn--bcher-kva', rule: 's3-bucket/reserved-prefix'},
	{type: 'amazon_s3', key: 'bucket', value: 'imagery--x-s3', rule: 's3-bucket/reserved-suffix'},
	{type: 'amazon_s3', key: 'bucket', value: 'imagery--table-s3', rule: 's3-bucket/reserved-suffix'},
	{type: 'amazon_s3', key: 'bucket', value: 'imagery.mrap', rule: 's3-bucket/reserved-suffix'},
	{type: 'amazon_s3', key: 'bucket', value: 'imagery-s3alias', rule: 's3-bucket/reserved-suffix'},
	{type: 'amazon_s3', key: 'bucket', value: 'imagery--ol-s3', rule: 's3-bucket/reserved-suffix'},
	{type: 'amazon_s3', key: 'bucket', value: 'a..b', rule: 's3-bucket/adjacent-periods'},
	{type: 'amazon_s3', key: 'bucket', value: '192.168.5.4', rule: 's3-bucket/ip-address'},
	{type: 'amazon_s3', key: 'bucket', value: 'ab', rule: 's3-bucket/length'},
	{type: 'amazon_s3', key: 'bucket', value: '-imagery', rule: 's3-bucket/ends'},
	{type: 'amazon_s3', key: 'bucket', value: 'my imagery', rule: 's3-bucket/characters'},
	{type: 'amazon_s3', key: 'aws_region', value: 'us west 2', rule: 'region/host-label'},
	{type: 'amazon_s3', key: 'aws_region', value: 'us_west_2', rule: 'region/host-label'},
	{type: 'amazon_s3', key: 'aws_access_key_id', value: 'FAKE KEYID0000', rule: 'aws-key-id/characters'},
	{type: 's3_compatible', key: 'bucket', value: 'a/b', rule: 's3c-bucket/one-segment'},
	{type: 's3_compatible', key: 'bucket', value: 'my bucket', rule: 's3c-bucket/one-segment'},
	{type: 's3_compatible', key: 'region', value: 'eu de', rule: 's3c-region/scope'},
	{type: 's3_compatible', key: 'access_key_id', value: 'key/id', rule: 'key-id/characters'},
	{type: 's3_compatible', key: 'endpoint', value: 'not a url', rule: 'endpoint/url'},
	{type: 's3_compatible', key: 'endpoint', value: 'objects.example.com', rule: 'endpoint/url'},
	{type: 's3_compatible', key: 'endpoint', value: 'ftp://objects.example.com', rule: 'endpoint/scheme'},
	{type: 's3_compatible', key: 'endpoint', value: 'https://user:pass@objects.example.com', rule: 'endpoint/credentials'},
	{type: 'google_cloud_storage', key: 'bucket', value: 'a..b', rule: 'gcs-bucket/adjacent-dots'},
	{type: 'google_cloud_storage', key: 'bucket', value: 'googbucket', rule: 'gcs-bucket/goog-prefix'},
	{type: 'google_cloud_storage', key: 'bucket', value: 'my-g00gle-bucket', rule: 'gcs-bucket/google'},
	{type: 'google_cloud_storage', key: 'bucket', value: 'Imagery', rule: 'gcs-bucket/characters'},
	{type: 'google_cloud_storage', key: 'bucket', value: '_imagery', rule: 'gcs-bucket/ends'},
	{type: 'google_cloud_storage', key: 'bucket', value: '10.0.0.1', rule: 'gcs-bucket/ip-address'},
	{type: 'google_cloud_storage', key: 'bucket', value: `${'a'.repeat(64)}`, rule: 'gcs-bucket/length'},
	{type: 'google_cloud_storage', key: 'bucket', value: `${'a'.repeat(64)}.example.com`, rule: 'gcs-bucket/part-length'},
	{type: 'azure_blob_storage', key: 'container', value: 'two--hyphens', rule: 'azure-container/hyphens'},
	{type: 'azure_blob_storage', key: 'container', value: 'Imagery', rule: 'azure-container/characters'},
	{type: 'azure_blob_storage', key: 'container', value: '$other', rule: 'azure-container/characters'},
	{type: 'azure_blob_storage', key: 'container', value: 'imagery-', rule: 'azure-container/ends'},
	{type: 'azure_blob_storage', key: 'container', value: 'ab', rule: 'azure-container/length'},
	{type: 'azure_blob_storage', key: 'account', value: 'has-hyphen', rule: 'azure-account/shape'},
	{type: 'azure_blob_storage', key: 'storage_endpoint_suffix', value: 'not_a_domain', rule: 'azure-suffix/host'},
	{type: 'azure_blob_storage', key: 'sas_token', value: 'sv=2024-11-04&sp=rwdl', rule: 'sas/signature'},
	{type: 'azure_blob_storage', key: 'sas_token', value: 'sp=rwdl&sig=abc', rule: 'sas/version'},
	{type: 'azure_blob_storage', key: 'sas_token', value: 'sv=2024-11-04&sig=a b', rule: 'sas/spaces'},
	{type: 'google_cloud_storage', key: 'credentials', value: '{"type": "authorized_user"}', rule: 'gcs-key/service-account'},
	{type: 'oracle_cloud_storage', key: 'region', value: 'us ashburn 1', rule: 'region/host-label'},
	{type: 'oracle_cloud_storage', key: 'bucket', value: 'bad/slash', rule: 'oci-bucket/characters'},
	{type: 'oracle_cloud_storage', key: 'bucket', value: 'b'.repeat(257), rule: 'oci-bucket/length'},
	{type: 'oracle_cloud_storage', key: 'namespace', value: 'acme.tenancy', rule: 'oci-namespace/characters'},
	{type: 'oracle_cloud_storage', key: 'customer_access_key_id', value: 'has space', rule: 'key-id/characters'},
];
