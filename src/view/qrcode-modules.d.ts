// The two modules of the qrcode package destui loads (its encoder and small terminal renderer),
// imported directly so the bundle leaves out the PNG, SVG and canvas renderers. Untyped upstream.
declare module 'qrcode/lib/core/qrcode.js' {
	export interface QRCodeData {
		modules: {size: number; data: Uint8Array};
	}
	export function create(text: string, options?: {errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'}): QRCodeData;
}

declare module 'qrcode/lib/renderer/terminal/terminal-small.js' {
	import type {QRCodeData} from 'qrcode/lib/core/qrcode.js';
	export function render(data: QRCodeData, options?: {inverse?: boolean}): string;
}
