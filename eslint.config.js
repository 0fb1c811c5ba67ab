// The plugin lints itself: typescript-eslint (type-checked) and eslint-plugin-eslint-plugin.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

const GATEWAY =
  'Ask the type gateway instead: getTypeServices(context) / typeServicesOf(maps) from src/analysis/types/services.ts.';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**', 'tests/fixtures/**', 'tests/editor/project/**', '.bench/**', 'coverage/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    extends: [eslintPlugin.configs.rules],
    rules: {
      'eslint-plugin/no-deprecated-context-methods': 'error',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      // RuleCreator adds meta.docs.url from the rule name; the lint rule cannot see it.
      'eslint-plugin/require-meta-docs-url': 'off',
      // Every rule works on JavaScript and TypeScript ASTs alike (ESLint's default language).
      'eslint-plugin/require-meta-languages': 'off',
    },
  },
  {
    // Internal rule (as unicorn lints its own code): type information comes through one gateway,
    // src/analysis/types/services.ts (`getTypeServices(context)`, `typeServicesOf(maps)`), which never throws, caches per
    // file and reads TypeScript enums from the loaded module. Nothing else calls `getParserServices`.
    files: ['src/**/*.ts', 'rules/**/*.ts'],
    ignores: ['src/analysis/types/services.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ESLintUtils', property: 'getParserServices', message: GATEWAY },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@typescript-eslint/utils/eslint-utils', importNames: ['getParserServices'], message: GATEWAY },
            { name: '@typescript-eslint/utils', importNames: ['getParserServices'], message: GATEWAY },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "VariableDeclarator[init.name='ESLintUtils'] Property[key.name='getParserServices']", message: GATEWAY },
      ],
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs.tests],
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.recommended],
  },
);
