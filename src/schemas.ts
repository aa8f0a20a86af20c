// zod schemas for what goes over the wire. Request schemas are derived from the provider
// catalogue; response schemas accept fields they do not know, so a server that grows a field
// never breaks destui. Timestamps stay strings: they carry nanoseconds that Date would drop.
import {z} from 'zod';
import {DESTINATION_TYPES, NAME_FIELD, PROVIDERS, type FieldSpec, type ProviderSpec} from './catalogue/providers.js';

export const destinationSchema = z.looseObject({
	id: z.string(),
	name: z.string(),
	type: z.string(),
	parameters: z.record(z.string(), z.unknown()).default({}),
	created: z.string(),
	updated: z.string(),
	archived: z.string().nullable().default(null),
	permissions: z.looseObject({can_write: z.boolean()}),
	ownership: z.looseObject({is_owner: z.boolean(), owner_id: z.union([z.number(), z.string()]).optional()}),
	'pl:ref': z.string(),
	_links: z.looseObject({_self: z.string().optional()}).optional(),
	default: z.boolean().default(false),
});
export type Destination = z.infer<typeof destinationSchema>;

export const destinationListSchema = z.looseObject({
	_links: z.looseObject({_self: z.string().optional()}).optional(),
	destinations: z.array(destinationSchema),
});

const refined = (field: FieldSpec) =>
	field.kind === 'boolean'
		? z.boolean().optional()
		: (() => {
				const text = z.string().superRefine((value, ctx) => {
					const problem = field.validate(value);
					if (problem) ctx.addIssue({code: 'custom', message: `${field.label} ${problem}`});
				});
				return field.required ? text : text.optional();
			})();

const parametersSchema = (fields: readonly FieldSpec[], allOptional = false) =>
	z.strictObject(Object.fromEntries(fields.map((f) => [f.key, allOptional ? refined(f).optional() : refined(f)])));

const nameSchema = z.string().superRefine((value, ctx) => {
	const problem = NAME_FIELD.validate(value);
	if (problem) ctx.addIssue({code: 'custom', message: `Name ${problem}`});
});

const createSchemaFor = (p: ProviderSpec) =>
	z.strictObject({type: z.literal(p.type), parameters: parametersSchema(p.fields), name: nameSchema.optional()});

/** POST /destinations/v1 bodies, one branch per provider of the catalogue. */
export const createBodySchema = z.discriminatedUnion(
	'type',
	PROVIDERS.map(createSchemaFor) as unknown as [ReturnType<typeof createSchemaFor>, ...ReturnType<typeof createSchemaFor>[]],
);
export type CreateBody = {type: (typeof DESTINATION_TYPES)[number]; parameters: Record<string, string | boolean>; name?: string};

/** The `parameters` of a rotation PATCH for one provider: its rotatable fields only. */
export const rotationParametersSchema = (p: ProviderSpec) => parametersSchema(p.fields.filter((f) => f.rotatable), true);

export const patchBodySchema = z.strictObject({
	name: nameSchema.optional(),
	archive: z.boolean().optional(),
	parameters: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
});
export type PatchBody = z.infer<typeof patchBodySchema>;

export const errorBodySchema = z.looseObject({code: z.number().optional(), message: z.string().optional()});

export const orderSchema = z.looseObject({
	id: z.string(),
	name: z.string().optional().default(''),
	state: z.string().optional().default('unknown'),
	created_on: z.string().optional(),
	last_modified: z.string().optional(),
});
export const orderListSchema = z.looseObject({orders: z.array(orderSchema), _links: z.looseObject({next: z.string().optional()}).optional()});
export type Order = z.infer<typeof orderSchema>;

export const subscriptionSchema = z.looseObject({
	id: z.string(),
	name: z.string().optional().default(''),
	status: z.string().optional().default('unknown'),
	created: z.string().optional(),
	updated: z.string().optional(),
});
export const subscriptionListSchema = z.looseObject({subscriptions: z.array(subscriptionSchema), _links: z.looseObject({next: z.string().optional()}).optional()});
export type Subscription = z.infer<typeof subscriptionSchema>;
