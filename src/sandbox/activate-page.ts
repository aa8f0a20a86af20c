// The page a device sign-in's verification_uri opens: a person trying destui's sign-in against
// the sandbox types (or follows a link with) the user code, picks a fixture user and approves or
// denies, as they would on Planet's sign-in page. Tests use the /_sandbox/oauth/device hook.
import {DeviceAnswerError, type OAuthState} from './oauth-state.js';
import type {ApiResponse} from './types.js';
import {SANDBOX_USERS, type SandboxUserName} from './users.js';

const escapeHtml = (s: string): string =>
	s.replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!);

function page(status: number, title: string, content: string): ApiResponse {
	return {
		status,
		headers: {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store'},
		text: `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body><h1>${escapeHtml(title)}</h1>\n${content}\n</body></html>\n`,
	};
}

function form(userCode: string): string {
	const users = SANDBOX_USERS.map(
		(u) => `<option value="${u.name}"${u.name === 'user' ? ' selected' : ''}>${u.name}${u.isAdmin ? ' (org admin)' : ''}</option>`,
	).join('');
	return `<p>Enter the code your terminal shows, choose who signs in, then approve or deny.</p>
<form method="post">
<p><label>Code <input name="user_code" value="${escapeHtml(userCode)}" autocomplete="off" autofocus></label></p>
<p><label>Sign in as <select name="user">${users}</select></label></p>
<p><button name="action" value="approve">Approve</button> <button name="action" value="deny">Deny</button></p>
</form>`;
}

const isUserName = (v: string | null): v is SandboxUserName => SANDBOX_USERS.some((u) => u.name === v);

export function activatePage(state: OAuthState, method: string, query: URLSearchParams, body: string): ApiResponse {
	if (method === 'GET') return page(200, 'Sandbox sign-in', form(query.get('user_code') ?? ''));
	if (method !== 'POST')
		return {...page(405, 'Method not allowed', ''), headers: {'Content-Type': 'text/html; charset=utf-8', Allow: 'GET, POST'}};
	const input = new URLSearchParams(body);
	const userCode = input.get('user_code') ?? '';
	const user = input.get('user');
	const action = input.get('action');
	if (!userCode.trim() || !isUserName(user) || (action !== 'approve' && action !== 'deny')) {
		return page(400, 'Sandbox sign-in', `<p>Give the code, a user and approve or deny.</p>\n${form(userCode)}`);
	}
	try {
		state.answerDeviceSignIn(userCode, user, action);
	} catch (err) {
		if (!(err instanceof DeviceAnswerError)) throw err;
		return page(err.status, 'Sandbox sign-in', `<p>${escapeHtml(err.message)}.</p>\n${form(userCode)}`);
	}
	return action === 'approve'
		? page(200, 'Signed in', `<p>Signed in as ${escapeHtml(user)}. You can go back to your terminal.</p>`)
		: page(200, 'Sign-in denied', '<p>The sign-in was denied. You can go back to your terminal.</p>');
}
