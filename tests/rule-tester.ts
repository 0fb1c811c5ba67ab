/** The two testers every rule is run with: untyped (syntax + scope) and typed (project service over tests/fixtures). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function untypedTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester(settings ? { settings } : {});
}

export function typedTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
      },
    },
    ...(settings ? { settings } : {}),
  });
}
