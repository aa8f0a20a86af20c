// The starting states. `demo` is a realistic organisation: destinations of all five types owned
// by the demo user, a colleague, the admin and someone who has left, two archived, one default,
// one renamed (its orders still carry the old ref), one whose bucket no longer grants access;
// plus orders and subscriptions delivering to some of them. `intl` is an organisation whose
// names are in many scripts, with wide characters, emoji, combining marks, a zero-width space and
// a line break: what the list, the details and search must draw as the terminal does. Ids and
// timestamps are seeded, so every run starts identical. `empty` has nothing.
import type {DestinationType} from '../catalogue/providers.js';
import {makeId, refFor, seededRandom, seededSuffix, seededUuid} from './ids.js';
import {formatNanos, parseTimestamp} from './time.js';
import type {DestinationRecord, OrderRecord, SandboxState, SeedName, SubscriptionRecord} from './types.js';
import {userByName} from './users.js';

export const SEED_NAMES: readonly SeedName[] = ['demo', 'empty', 'intl'];

/** owner_id of a colleague who created destinations and has since left the org. */
export const FORMER_MEMBER_ID = 729114;

const fakeServiceAccount = (project: string): string =>
	Buffer.from(
		JSON.stringify({
			type: 'service_account',
			project_id: project,
			client_email: `planet-delivery@${project}.iam.gserviceaccount.com`,
			private_key: 'fake-key-material',
		}),
	).toString('base64');

const fakeSas = (n: number): string => `sv=2024-11-04&ss=b&srt=co&sp=rwdl&se=2027-06-30T00:00:00Z&sig=sandboxFakeSignature${n}`;

interface DemoDestination {
	name: string;
	/** The name it was created under, when it has been renamed since. */
	createdAs?: string;
	type: DestinationType;
	parameters: Record<string, string | boolean>;
	owner: number;
	/** Days after the seed epoch. */
	createdDay: number;
	updatedDay?: number;
	archivedDay?: number;
	isDefault?: boolean;
}

const U = userByName('user').id;
const O = userByName('other').id;
const A = userByName('admin').id;

const DEMO_DESTINATIONS: DemoDestination[] = [
	{
		name: 'Field ops imagery',
		type: 'amazon_s3',
		owner: U,
		createdDay: 0,
		updatedDay: 41,
		isDefault: true,
		parameters: {
			bucket: 'acme-field-ops-imagery',
			aws_region: 'us-west-2',
			aws_access_key_id: 'SANDBOXFIELDOPS01',
			aws_secret_access_key: 'sandbox-secret-field-ops',
		},
	},
	{
		name: 'analytics-raw',
		type: 'google_cloud_storage',
		owner: U,
		createdDay: 3,
		parameters: {bucket: 'analytics-raw', credentials: fakeServiceAccount('acme-analytics')},
	},
	{
		name: 'Azure archive (EU)',
		type: 'azure_blob_storage',
		owner: O,
		createdDay: 5,
		parameters: {account: 'acmeeuarchive', container: 'planet-deliveries', sas_token: fakeSas(1)},
	},
	{
		name: 'Wasabi cold storage (EU)',
		createdAs: 'Wasabi cold storage',
		type: 's3_compatible',
		owner: O,
		createdDay: 9,
		updatedDay: 60,
		parameters: {
			bucket: 'acme-cold-eu',
			endpoint: 'https://s3.eu-central-1.wasabisys.com',
			region: 'eu-central-1',
			access_key_id: 'SANDBOXWASABI0001',
			secret_access_key: 'sandbox-secret-wasabi',
		},
	},
	{
		name: 'Oracle Ashburn scenes',
		type: 'oracle_cloud_storage',
		owner: A,
		createdDay: 12,
		parameters: {
			bucket: 'ashburn-scenes',
			namespace: 'acmetenancy',
			region: 'us-ashburn-1',
			customer_access_key_id: 'sandboxocikey0001',
			customer_secret_key: 'sandbox-secret-oci-ashburn',
		},
	},
	{
		name: 'Crop monitoring 2025',
		type: 'amazon_s3',
		owner: U,
		createdDay: 15,
		archivedDay: 120,
		parameters: {
			bucket: 'acme-crop-2025',
			aws_region: 'us-east-1',
			aws_access_key_id: 'SANDBOXCROP000001',
			aws_secret_access_key: 'sandbox-secret-crop',
		},
	},
	{
		name: 'Old GCS export',
		type: 'google_cloud_storage',
		owner: O,
		createdDay: 18,
		archivedDay: 95,
		parameters: {bucket: 'acme-old-export', credentials: fakeServiceAccount('acme-legacy')},
	},
	{
		name: 'MinIO on-prem lab',
		type: 's3_compatible',
		owner: U,
		createdDay: 22,
		parameters: {
			bucket: 'lab-ingest',
			endpoint: 'https://minio.lab.example.com',
			region: 'us-east-1',
			access_key_id: 'SANDBOXMINIO00001',
			secret_access_key: 'sandbox-secret-minio',
			use_path_style: true,
		},
	},
	{
		name: 'Sentinel comparison',
		type: 'amazon_s3',
		owner: O,
		createdDay: 27,
		parameters: {
			bucket: 'acme-sentinel-compare',
			aws_region: 'eu-central-1',
			aws_access_key_id: 'SANDBOXSENTINEL01',
			aws_secret_access_key: 'sandbox-secret-sentinel',
			explicit_sse: true,
		},
	},
	{
		name: 'São Paulo agronomy',
		type: 'azure_blob_storage',
		owner: U,
		createdDay: 33,
		parameters: {account: 'acmebrazil', container: 'agronomia', sas_token: fakeSas(2)},
	},
	{
		name: 'Org-wide deliveries',
		type: 'google_cloud_storage',
		owner: A,
		createdDay: 38,
		parameters: {bucket: 'acme-org-deliveries', credentials: fakeServiceAccount('acme-org')},
	},
	{
		name: 'Legacy exports',
		type: 'amazon_s3',
		owner: U,
		createdDay: 44,
		parameters: {
			bucket: 'noaccess-legacy-exports',
			aws_region: 'us-west-1',
			aws_access_key_id: 'SANDBOXLEGACY0001',
			aws_secret_access_key: 'sandbox-secret-legacy',
		},
	},
	{
		name: 'Forestry (OCI Frankfurt)',
		type: 'oracle_cloud_storage',
		owner: FORMER_MEMBER_ID,
		createdDay: 51,
		parameters: {
			bucket: 'forestry-scenes',
			namespace: 'acmetenancy',
			region: 'eu-frankfurt-1',
			customer_access_key_id: 'sandboxocikey0002',
			customer_secret_key: 'sandbox-secret-oci-forestry',
		},
	},
];

/** Parameters of a demo destination of the type, with another bucket (container for Azure). */
const like = (type: DestinationType, bucket: string): Record<string, string | boolean> => {
	const d = DEMO_DESTINATIONS.find((x) => x.type === type)!;
	return {...d.parameters, [type === 'azure_blob_storage' ? 'container' : 'bucket']: bucket};
};

const INTL_DESTINATIONS: DemoDestination[] = [
	{
		name: '北京农业影像',
		type: 'amazon_s3',
		owner: U,
		createdDay: 1,
		isDefault: true,
		parameters: like('amazon_s3', 'beijing-agri-imagery'),
	},
	{
		name: '東京 衛星データ',
		type: 'google_cloud_storage',
		owner: O,
		createdDay: 2,
		parameters: like('google_cloud_storage', 'tokyo-sat-data'),
	},
	{name: '서울 위성 영상', type: 'azure_blob_storage', owner: U, createdDay: 3, parameters: like('azure_blob_storage', 'seoul-imagery')},
	{name: 'São Paulo agronomy', type: 'azure_blob_storage', owner: U, createdDay: 4, parameters: like('azure_blob_storage', 'agronomia')},
	// Decomposed: an "a" and a combining tilde, as some systems write it.
	{name: 'Sa\u0303o Tome\u0301 coastline', type: 's3_compatible', owner: O, createdDay: 5, parameters: like('s3_compatible', 'stp-coast')},
	{
		name: 'Zürich Wälder',
		type: 'oracle_cloud_storage',
		owner: A,
		createdDay: 6,
		parameters: like('oracle_cloud_storage', 'zurich-forests'),
	},
	{name: '🌍 Global mosaics 🛰', type: 'amazon_s3', owner: U, createdDay: 7, parameters: like('amazon_s3', 'global-mosaics')},
	{name: 'Москва снимки', type: 'google_cloud_storage', owner: O, createdDay: 8, parameters: like('google_cloud_storage', 'moscow-scenes')},
	{name: 'Ελληνικά νησιά', type: 's3_compatible', owner: U, createdDay: 9, parameters: like('s3_compatible', 'greek-islands')},
	{name: 'תמונות לוויין', type: 'amazon_s3', owner: O, createdDay: 10, parameters: like('amazon_s3', 'israel-sat')},
	{
		name: 'صور الأقمار الصناعية',
		type: 'oracle_cloud_storage',
		owner: U,
		createdDay: 11,
		parameters: like('oracle_cloud_storage', 'riyadh-sat'),
	},
	// A zero-width space between the words: it looks like "Field ops" with a space.
	{name: 'Field\u200B ops', type: 'amazon_s3', owner: U, createdDay: 12, parameters: like('amazon_s3', 'field-ops-zwsp')},
	{
		name: 'Hà Nội rice paddies',
		type: 'google_cloud_storage',
		owner: A,
		createdDay: 13,
		parameters: like('google_cloud_storage', 'hanoi-rice'),
	},
	{name: 'Two\nlines', type: 'azure_blob_storage', owner: U, createdDay: 14, parameters: like('azure_blob_storage', 'two-lines')},
	{
		name: '国家地理空间情报局农业与森林监测每日影像交付中心北京分部第一组',
		type: 'amazon_s3',
		owner: A,
		createdDay: 15,
		parameters: like('amazon_s3', 'cn-long-name'),
	},
	{name: 'ＦＵＬＬ　ＷＩＤＴＨ', type: 's3_compatible', owner: O, createdDay: 16, parameters: like('s3_compatible', 'full-width')},
];

const EPOCH = parseTimestamp('2025-06-02T08:00:00Z');
const DAY = 86_400_000_000_000n;

function buildIntl(): SandboxState {
	const rand = seededRandom(20250603);
	let defaultId: string | null = null;
	const destinations = INTL_DESTINATIONS.map((d): DestinationRecord => {
		const suffix = seededSuffix(rand);
		const created = formatNanos(EPOCH + BigInt(d.createdDay) * DAY + BigInt(Math.floor(rand() * 36_000_000)) * 1_000_000n);
		const record: DestinationRecord = {
			id: makeId(d.name, suffix),
			suffix,
			name: d.name,
			type: d.type,
			parameters: d.parameters,
			created,
			updated: formatNanos(parseTimestamp(created) + 1_168n),
			archived: null,
			ownerId: d.owner,
		};
		if (d.isDefault) defaultId = record.id;
		return record;
	});
	return {version: 1, seed: 'intl', destinations, defaultId, orders: [], subscriptions: []};
}

function buildDemo(): SandboxState {
	const rand = seededRandom(20250602);
	// A time of day within the given day, with a nanosecond fraction.
	const at = (day: number): string =>
		formatNanos(EPOCH + BigInt(day) * DAY + BigInt(Math.floor(rand() * 36_000_000)) * 1_000_000n + BigInt(Math.floor(rand() * 1_000_000)));
	let defaultId: string | null = null;
	const refs: string[] = [];
	const oldRefs: string[] = [];
	const destinations = DEMO_DESTINATIONS.map((d): DestinationRecord => {
		const suffix = seededSuffix(rand);
		const created = at(d.createdDay);
		// Created and updated differ by about a microsecond at creation, as on the real service.
		const updated = d.updatedDay === undefined ? formatNanos(parseTimestamp(created) + 1_168n) : at(d.updatedDay);
		const archived = d.archivedDay === undefined ? null : at(d.archivedDay);
		const record: DestinationRecord = {
			id: makeId(d.createdAs ?? d.name, suffix),
			suffix,
			name: d.name,
			type: d.type,
			parameters: d.parameters,
			created,
			updated: archived ?? updated,
			archived,
			ownerId: d.owner,
		};
		if (d.isDefault) defaultId = record.id;
		refs.push(refFor(d.name, suffix));
		oldRefs.push(refFor(d.createdAs ?? d.name, suffix));
		return record;
	});
	const ref = (i: number) => refs[i]!;
	const order = (name: string, day: number, state: string, target: string, extra: Partial<OrderRecord> = {}): OrderRecord => {
		const created_on = at(day).replace(/\.\d+Z$/, '.000Z');
		return {
			id: seededUuid(rand),
			name,
			state,
			created_on,
			last_modified: created_on,
			last_message:
				state === 'success'
					? 'Manifest delivery completed'
					: state === 'failed'
						? 'Delivery failed'
						: state === 'running'
							? 'Preparing order'
							: 'Order queued',
			error_hints: [],
			products: [
				{item_ids: [`2025${String(600 + day).padStart(4, '0')}_154012_42_24c3`], item_type: 'PSScene', product_bundle: 'analytic_sr_udm2'},
			],
			ref: target,
			...extra,
		};
	};
	const orders: OrderRecord[] = [
		order('Field ops: March mosaics', 45, 'success', ref(0), {path_prefix: 'mosaics/2026-03'}),
		order('Field ops weekly', 140, 'running', ref(0)),
		order('Cold archive backfill', 20, 'success', oldRefs[3]!),
		order('Sentinel comparison batch', 80, 'failed', ref(8), {
			last_message: 'Delivery failed: access denied writing to acme-sentinel-compare',
			error_hints: ['Check that the destination credentials allow PutObject'],
		}),
		order('Ashburn scenes', 141, 'queued', ref(4)),
		order('Legacy export Q4', 130, 'failed', ref(11), {
			last_message: 'Delivery failed: Planet could not write planetverify.txt',
			error_hints: ['The bucket no longer grants Planet write access'],
		}),
	];
	const subscription = (
		name: string,
		day: number,
		status: string,
		target: string,
		end: number | null,
		extra: Partial<SubscriptionRecord> = {},
	): SubscriptionRecord => {
		const created = at(day).replace(/\.\d+Z$/, '.000Z');
		return {
			id: seededUuid(rand),
			name,
			status,
			created,
			updated: created,
			start_time: at(day + 1).replace(/T.*$/, 'T00:00:00Z'),
			end_time: end === null ? null : at(end).replace(/T.*$/, 'T00:00:00Z'),
			item_types: ['PSScene'],
			asset_types: ['ortho_analytic_4b'],
			ref: target,
			...extra,
		};
	};
	const subscriptions: SubscriptionRecord[] = [
		subscription('Field ops daily', 2, 'running', ref(0), null, {path_prefix: 'daily'}),
		subscription('Flood watch Rio Grande do Sul', 34, 'running', ref(9), null),
		subscription('Crop monitoring 2025 season', 16, 'completed', ref(5), 119),
		subscription('Org-wide basemap refresh', 39, 'running', 'pl:destinations/default', null),
	];
	return {version: 1, seed: 'demo', destinations, defaultId, orders, subscriptions};
}

export function buildSeed(name: SeedName): SandboxState {
	if (name === 'demo') return buildDemo();
	if (name === 'intl') return buildIntl();
	return {version: 1, seed: 'empty', destinations: [], defaultId: null, orders: [], subscriptions: []};
}

/** Parameters of a demo destination of this type, to copy from (populate.ts). */
export function templateParameters(type: DestinationType): Record<string, string | boolean> {
	const d = DEMO_DESTINATIONS.find((x) => x.type === type);
	if (!d) throw new Error(`no demo destination of type ${type}`);
	return {...d.parameters};
}
