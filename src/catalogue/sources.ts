// Where each validation rule comes from. A rule that refuses a value must rest on one of these:
// the provider's own published naming rules, or a fact of the wire (a region is part of a host
// name). What destui merely does not recognise is a warning and needs no source.

export interface Source {
	/** Short enough for a message: "(Amazon S3 bucket naming rules)". */
	name: string;
	url: string;
}

export const SOURCES = {
	s3Buckets: {name: 'Amazon S3 bucket naming rules', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html'},
	s3Paths: {
		name: 'the S3 API: a bucket is one segment of its URLs',
		url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html',
	},
	iamAccessKeys: {name: 'AWS IAM access key IDs', url: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html'},
	awsPartitions: {
		name: "AWS SDKs' partition table",
		url: 'https://github.com/aws/aws-sdk-js-v3/blob/main/packages/util-endpoints/src/lib/aws/partitions.json',
	},
	hostNames: {name: 'RFC 1123 host names', url: 'https://www.rfc-editor.org/rfc/rfc1123#section-2.1'},
	sigv4: {
		name: 'AWS Signature Version 4',
		url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html',
	},
	gcsKeys: {name: 'Google service-account key files', url: 'https://cloud.google.com/iam/docs/keys-create-delete'},
	gcsBuckets: {name: 'Cloud Storage bucket naming rules', url: 'https://cloud.google.com/storage/docs/buckets#naming'},
	azureContainers: {
		name: 'Azure container naming rules',
		url: 'https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata#container-names',
	},
	azureAccounts: {
		name: 'Azure storage account naming rules',
		url: 'https://learn.microsoft.com/azure/storage/common/storage-account-overview#storage-account-name',
	},
	azureSas: {name: 'Azure SAS tokens', url: 'https://learn.microsoft.com/rest/api/storageservices/create-service-sas'},
	azureEndpoints: {
		name: 'Azure storage endpoints',
		url: 'https://learn.microsoft.com/azure/storage/common/storage-account-overview#standard-endpoints',
	},
	ociBuckets: {name: 'OCI Object Storage bucket names', url: 'https://docs.oracle.com/iaas/Content/Object/Tasks/managingbuckets.htm'},
	ociNamespaces: {
		name: 'OCI Object Storage namespaces',
		url: 'https://docs.oracle.com/iaas/Content/Object/Tasks/understandingnamespaces.htm',
	},
	ociRegions: {name: "OCI SDKs' region table", url: 'https://github.com/oracle/oci-python-sdk/blob/master/src/oci/regions_definitions.py'},
	urls: {name: 'the URL standard', url: 'https://url.spec.whatwg.org/'},
	planetNames: {name: 'Planet Destinations API reference', url: 'https://docs.planet.com/develop/apis/destinations/reference'},
	planetPermissions: {name: 'Planet Destinations overview', url: 'https://docs.planet.com/develop/apis/destinations'},
} as const satisfies Record<string, Source>;
