/** textOrigin (modules/files.ts): where a module's text says an exported value comes from, without parsing it. */
import { describe, expect, it } from 'vitest';
import { textOrigin } from '../../../src/analysis/modules/files.js';

describe('textOrigin', () => {
  it.each([
    ["export { default as User } from './User';", 'User', { source: './User', name: 'default' }],
    ["export { a, b as logger } from \"./log\";", 'logger', { source: './log', name: 'b' }],
    ["export type { T } from './t';\nexport { x } from './x';", 'x', { source: './x', name: 'x' }],
    ["import { log as base } from './log';\nexport const x = 1;\nexport { base };", 'base', { source: './log', name: 'log' }],
    ["import logger from './logger';\nexport { logger };", 'logger', { source: './logger', name: 'default' }],
  ])('%s → %s from elsewhere', (text, name, expected) => {
    expect(textOrigin(text, name)).toEqual(expected);
  });

  it('a star re-export may bring any name; a value made here comes from nowhere else', () => {
    expect(textOrigin("export * from './models';", 'User')).toBe('*');
    expect(textOrigin("import { z } from 'zod';\nexport const User = define('users');", 'User')).toBeUndefined();
    expect(textOrigin("export { Other } from './other';\nexport class User {}", 'User')).toBeUndefined();
  });
});
