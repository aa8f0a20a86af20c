// Resolves once Ink can lay out a frame. Unbundled (and in tests) yoga-layout has loaded its
// WebAssembly before this module runs; in the bundle, src/build-stubs/yoga.ts is still loading it
// and puts the promise to wait on here.
import Yoga from 'yoga-layout';

export const layoutReady = (): Promise<void> => (Yoga as {ready?: Promise<void>}).ready ?? Promise.resolve();
