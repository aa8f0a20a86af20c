// What GET /destinations/v1/spec answers: the real service serves its OpenAPI document there
// (path inferred, spec §14 U9). The sandbox answers a short description of the same surface.
import {DESTINATION_TYPES} from '../catalogue/providers.js';

export function specDocument(origin: string): Record<string, unknown> {
	return {
		openapi: '3.0.3',
		info: {
			title: 'Destinations API (destui sandbox)',
			version: 'v1',
			description: 'A local stand-in for https://api.planet.com/destinations/v1',
		},
		servers: [{url: `${origin}/destinations/v1`}],
		paths: {
			'/': {
				get: {summary: 'List destinations', parameters: ['archived', 'is_owner', 'can_write', 'is_default', 'sort_by']},
				post: {summary: 'Create a destination'},
			},
			'/{id}': {get: {summary: 'Get a destination'}, patch: {summary: 'Rename, archive or unarchive, rotate credentials'}},
			'/default': {
				get: {summary: 'Get the default destination'},
				put: {summary: 'Set the default destination'},
				delete: {summary: 'Unset the default destination'},
			},
			'/spec': {get: {summary: 'This document'}},
		},
		components: {schemas: {DestinationType: {type: 'string', enum: DESTINATION_TYPES}}},
	};
}
