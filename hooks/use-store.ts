import {useSyncExternalStore} from 'react';
import type {DestinationsStore, StoreSnapshot} from './destinations-store.js';

/** Re-renders when the shared cache changes. */
export function useStore(store: DestinationsStore): StoreSnapshot {
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
