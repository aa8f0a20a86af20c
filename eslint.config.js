// The lint rules live with the linter's own package in test/lint (see its package.json for why).
export {default} from './test/lint/eslint.config.js';
