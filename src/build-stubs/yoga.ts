// The bundle's stand-in for `yoga-layout`, Ink's layout engine. yoga-layout loads its WebAssembly
// with a top-level await, which a CommonJS bundle cannot hold, and only a CommonJS bundle can be
// compiled from V8's code cache (see src/build.mjs). This one starts the same load when Ink's
// modules initialise and fills in the same object when it ends; Ink uses it only once it renders,
// and components/layout-ready.ts holds rendering back until then.
import {loadYoga} from 'yoga-layout/load';

export * from 'yoga-layout/load';

const Yoga = {} as Awaited<ReturnType<typeof loadYoga>> & {readonly ready?: Promise<void>};
Object.defineProperty(Yoga, 'ready', {
	value: loadYoga().then((loaded) => {
		Object.assign(Yoga, loaded);
	}),
});

export default Yoga;
