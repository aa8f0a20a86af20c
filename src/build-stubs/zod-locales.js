// The bundle's stand-in for zod's locale index: English only (see src/build.mjs).
export {default as en} from '../../node_modules/zod/v4/locales/en.js';
