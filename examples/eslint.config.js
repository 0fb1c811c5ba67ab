// Lint config of the example backend: the SOC 2 and HIPAA presets of eslint-plugin-compliance
// in typed mode. `npm run demo` (repo root) builds the plugin and lints ./src with this file.
import { defineConfig } from 'eslint/config';
import compliance from 'eslint-plugin-compliance';
import tseslint from 'typescript-eslint';

const files = ['src/**/*.{ts,tsx}'];

export default defineConfig([
  {
    name: 'examples/typescript',
    files,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: {
      // Directives for rules that a preset does not turn on stay silent.
      reportUnusedDisableDirectives: 'off',
    },
  },

  // Presets combine: the union of both regulations' endpoints, fields and data categories.
  compliance.configs.soc2,
  compliance.configs.hipaa,

  {
    name: 'examples/compliance-settings',
    files,
    settings: {
      // Deep-merges with the presets' `settings.compliance.regulations`.
      compliance: {
        audit: {
          calls: ['auditLogger.log', '*.auditService.log'],
        },
      },
    },
  },
]);
