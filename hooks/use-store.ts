import {useSyncExternalStore} from 'react';
import type {DestinationsReads, StoreSnapshot} from '../src/store/destinations-store.js';

/** Re-renders when the shared cache changes. */
export function useStore(store: DestinationsReads): StoreSnapshot {
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
