// The soak's sandbox, in a process of its own: the soak's own work (reading every frame destui
// draws) would otherwise hold up the sandbox's event loop, and the request log's arrival times,
// which the 3-per-second check reads, would be late by as much. Started by sandbox-child.ts;
// tells its parent every change of the state (with the state before and after) and answers
// requests for the whole state, over the IPC channel.
import {startSandbox, type StateChange} from '../../src/sandbox/server.js';

export type ToParent =
	{type: 'ready'; origin: string; apiBase: string} | {type: 'change'; change: StateChange} | {type: 'state'; id: number; state: unknown};
export type ToChild = {type: 'state'; id: number} | {type: 'close'};

const send = (message: ToParent) => process.send!(message);
const sb = await startSandbox({seed: 'demo', rateLimit: true, onChange: (change) => send({type: 'change', change})});
process.on('message', (message: ToChild) => {
	if (message.type === 'state') send({type: 'state', id: message.id, state: sb.state()});
	if (message.type === 'close') void sb.close().then(() => process.exit(0));
});
// The parent gone (killed, crashed): nothing else would end this process.
process.on('disconnect', () => void sb.close().then(() => process.exit(0)));
send({type: 'ready', origin: sb.origin, apiBase: sb.apiBase});
