// The delivery blocks people paste into orders and subscriptions (spec §10.1).
export function orderDelivery(ref: string): string {
	return JSON.stringify({delivery: {destination: {ref}}});
}

export function subscriptionDelivery(ref: string): string {
	return JSON.stringify({delivery: {type: 'destination', parameters: {ref}}});
}
