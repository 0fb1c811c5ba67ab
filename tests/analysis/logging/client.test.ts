/**
 * Browser-only modules (src/analysis/logging/client.ts) and the `logging.clientFiles` globs (src/settings/globs.ts):
 * the glob forms, their validation errors (naming the setting's path), and the `'use client'` prologue.
 */
import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { hasUseClientDirective } from '../../../src/analysis/logging/client.js';
import { SettingsError } from '../../../src/errors.js';
import { resolvePolicy } from '../../../src/settings.js';
import { compileGlob } from '../../../src/settings/globs.js';

describe('compileGlob', () => {
  it.each([
    ['apps/web/components/**', 'apps/web/components/a/b.tsx', true],
    ['apps/web/components/**', 'apps/web/componentsX/a.tsx', false],
    ['apps/web/components/', 'apps/web/components/a.tsx', true],
    ['**/*.client.ts', 'src/a/b.client.ts', true],
    ['**/*.client.ts', 'b.client.ts', true],
    ['**/*.client.ts', 'src/b.server.ts', false],
    ['*.client.ts', 'deep/in/x.client.ts', true],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/a/b.ts', false],
    ['src/{app,pages}/**/*.tsx', 'src/pages/x/y.tsx', true],
    ['src/{app,pages}/**/*.tsx', 'src/api/x.tsx', false],
    ['src/file?.ts', 'src/file1.ts', true],
    ['src/file[0-9].ts', 'src/file7.ts', true],
    ['src/file[!0-9].ts', 'src/file7.ts', false],
    ['./web/**', 'web/a.ts', true],
    ['a.b/**', 'aXb/c.ts', false],
  ])('%s ~ %s → %s', (glob, file, expected) => {
    expect(compileGlob(glob)?.test(file)).toBe(expected);
  });

  it.each(['', '/abs/**', 'C:/x/**', '../up/**', 'a\\b', 'a**/b', 'src/{a,{b}}', 'src/{a', 'src/[ab', 'x}'])('rejects %j', (glob) => {
    expect(compileGlob(glob)).toBeUndefined();
  });
});

describe('settings.compliance.logging.clientFiles', () => {
  const errorFor = (clientFiles: unknown): string => {
    try {
      resolvePolicy({ compliance: { logging: { clientFiles } } });
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('accepted globs are kept, in order; absent means none', () => {
    expect(resolvePolicy({ compliance: { logging: { clientFiles: ['web/**', '**/*.client.ts'] } } }).logging.clientFiles).toEqual(['web/**', '**/*.client.ts']);
    expect(resolvePolicy({}).logging.clientFiles).toEqual([]);
  });

  it('errors name the path and the expected form', () => {
    expect(errorFor('web/**')).toBe(
      'settings.compliance.logging.clientFiles: expected an array of file globs relative to the working directory like ["apps/web/components/**"], got "web/**"',
    );
    expect(errorFor(['web/**', '/abs/**'])).toBe(
      'settings.compliance.logging.clientFiles[1]: expected a file glob relative to the working directory like "apps/web/components/**", got "/abs/**"',
    );
    expect(errorFor([3])).toMatch(/^settings\.compliance\.logging\.clientFiles\[0\]: expected a file glob/u);
  });
});

describe("the 'use client' prologue", () => {
  it.each([
    ["'use client';\nconsole.log(1);", true],
    ['"use client"\nimport x from "y";', true],
    ["'use strict';\n'use client';\nconsole.log(1);", true],
    ["import x from 'y';\n'use client';", false],
    ["'use server';\nconsole.log(1);", false],
    ["function f() { 'use client'; }", false],
    ["('use client');\nconsole.log(1);", false],
    ['', false],
  ])('%j → %s', (code, expected) => {
    expect(hasUseClientDirective(parse(code))).toBe(expected);
  });
});
