// The editor test's project: a backend that uses the plugin the way a user does. There is no
// package.json here on purpose: the repository's package.json stays the nearest one, so the
// import below resolves by self-reference, through the package's `exports`, to the built plugin
// in dist/ (the test builds it first). A package.json here would start a new package scope and
// 'eslint-plugin-compliance' would no longer resolve. Untyped mode: the document under test is
// unsaved, and the rules run on syntax and scope alone.
// The root eslint.config.js ignores this folder (like examples/): `eslint .` would otherwise load
// this config, which needs the build, before CI has built.
import compliance from 'eslint-plugin-compliance';
import tseslint from 'typescript-eslint';

export default [
  {
    name: 'editor-project/compliance',
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { compliance },
    rules: {
      'compliance/require-endpoint-audit': 'error',
      'compliance/exemption-justification': 'error',
    },
    settings: {
      compliance: { regulations: { soc2: true }, audit: { calls: ['auditLogger.log'] } },
    },
  },
];
