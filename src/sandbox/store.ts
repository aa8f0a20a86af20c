// The organisation's data and its indexes. Handlers check the rules; the store keeps lookups
// fast (10,000 rows in benchmarks) and counts changes so the server knows when to persist.
import {REF_PREFIX, suffixOf} from './ids.js';
import type {DestinationRecord, OrderRecord, SandboxState, SubscriptionRecord} from './types.js';

export class Store {
	private state!: SandboxState;
	private byId = new Map<string, DestinationRecord>();
	private bySuffix = new Map<string, DestinationRecord>();
	private byName = new Map<string, DestinationRecord>();
	/** Moves on every change; the server writes the state file when it has moved. */
	revision = 0;

	constructor(state: SandboxState) {
		this.replace(state);
	}

	/** Swaps in a whole new state (reset, load). */
	replace(state: SandboxState): void {
		this.state = state;
		this.byId.clear();
		this.bySuffix.clear();
		this.byName.clear();
		for (const d of state.destinations) this.index(d);
		this.revision++;
	}

	/** The live state, for persisting; do not mutate it from outside. */
	get snapshot(): SandboxState {
		return this.state;
	}

	/** An independent copy: lets a fault run the real handler without changing anything. */
	clone(): Store {
		return new Store(structuredClone(this.state));
	}

	get destinations(): readonly DestinationRecord[] {
		return this.state.destinations;
	}

	get orders(): readonly OrderRecord[] {
		return this.state.orders;
	}

	get subscriptions(): readonly SubscriptionRecord[] {
		return this.state.subscriptions;
	}

	get seed() {
		return this.state.seed;
	}

	get defaultId(): string | null {
		return this.state.defaultId;
	}

	defaultRecord(): DestinationRecord | undefined {
		return this.state.defaultId === null ? undefined : this.byId.get(this.state.defaultId);
	}

	/**
	 * Resolves an id, a pl:ref, or any earlier id-form or ref of a renamed destination (they
	 * share the suffix). `pl:destinations/default` is the org default.
	 */
	find(idOrRef: string): DestinationRecord | undefined {
		let id = idOrRef;
		if (id.startsWith(REF_PREFIX)) {
			id = id.slice(REF_PREFIX.length);
			if (id === 'default') return this.defaultRecord();
		}
		const exact = this.byId.get(id);
		if (exact) return exact;
		const suffix = suffixOf(id);
		return suffix === undefined ? undefined : this.bySuffix.get(suffix);
	}

	hasSuffix(suffix: string): boolean {
		return this.bySuffix.has(suffix);
	}

	nameOwner(name: string): DestinationRecord | undefined {
		return this.byName.get(name);
	}

	activeCount(): number {
		let n = 0;
		for (const d of this.state.destinations) if (d.archived === null) n++;
		return n;
	}

	insert(record: DestinationRecord): void {
		this.state.destinations.push(record);
		this.index(record);
		this.revision++;
	}

	/** Applies a change to a record; a changed name is re-indexed. */
	update(record: DestinationRecord, change: (r: DestinationRecord) => void): void {
		const oldName = record.name;
		change(record);
		if (record.name !== oldName) {
			this.byName.delete(oldName);
			this.byName.set(record.name, record);
		}
		this.revision++;
	}

	setDefault(id: string | null): void {
		this.state.defaultId = id;
		this.revision++;
	}

	private index(d: DestinationRecord): void {
		this.byId.set(d.id, d);
		this.bySuffix.set(d.suffix, d);
		this.byName.set(d.name, d);
	}
}
