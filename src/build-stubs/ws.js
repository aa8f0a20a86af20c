// The bundle's stand-in for `ws`, which only Ink's developer tools use (see src/build.mjs).
export class WebSocket {
	constructor() {
		throw new Error('WebSocket is not available in the destui bundle');
	}
}
export default WebSocket;
