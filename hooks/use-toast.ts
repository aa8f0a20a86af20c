import {useCallback, useEffect, useState} from 'react';

export type ToastTone = 'ok' | 'info' | 'error';
export interface Toast {
	tone: ToastTone;
	text: string;
}

/** Success and info toasts clear themselves; errors stay until replaced or dismissed. */
export function useToast(clearAfterMs = 4000): {toast?: Toast; show: (tone: ToastTone, text: string) => void; dismiss: () => void} {
	const [toast, setToast] = useState<Toast>();
	useEffect(() => {
		if (!toast || toast.tone === 'error') return;
		const timer = setTimeout(() => setToast((t) => (t === toast ? undefined : t)), clearAfterMs);
		return () => clearTimeout(timer);
	}, [toast, clearAfterMs]);
	const show = useCallback((tone: ToastTone, text: string) => setToast({tone, text}), []);
	const dismiss = useCallback(() => setToast(undefined), []);
	return {toast, show, dismiss};
}
