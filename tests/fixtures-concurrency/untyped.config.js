// examples/eslint.config.js without type information (no projectService), plus the thread probe.
import examples from '../../examples/eslint.config.js';
import { probe } from './probe.js';

export default [
  ...examples,
  {
    name: 'concurrency/untyped',
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false } },
  },
  probe,
];
