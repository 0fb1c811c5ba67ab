/**
 * The export scan (src/analysis/modules/files.ts): before parsing a file to look for an export, its text says whether
 * it could export the name at all; a file that cannot is read (once) but never parsed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFileCaches, findExport, loadModuleView, moduleStats } from '../../../src/analysis/modules.js';
import { scanExports, textMayExport } from '../../../src/analysis/modules/files.js';

const mayExport = (text: string, name: string): boolean => textMayExport(scanExports(text), text, name);

describe('textMayExport', () => {
  it.each([
    ['export function create() {}', 'create'],
    ['export async function create() {}', 'create'],
    ['export const a = 1, create = () => 1;', 'create'],
    ['export class UserService {}', 'UserService'],
    ['const local = 1;\nexport { local as create };', 'create'],
    ["export { create } from './other';", 'create'],
    ["export * from './other';", 'create'],
    ["export * as create from './other';", 'create'],
    ['export default function () {}', 'default'],
    ['const x = 1;\nexport { x as default };', 'default'],
    ['export = handler;', 'default'],
    ['module.exports = { create };', 'create'],
    ['module.exports = handler;', 'default'],
    ['exports.create = function () {};', 'create'],
    ["const x = 1;\nexport { x as 'kebab-name' };", 'kebab-name'],
  ])('%s → may export %s', (text, name) => {
    expect(mayExport(text, name)).toBe(true);
  });

  it.each([
    ['export function createUser() {}', 'create'],
    ['function create() {}\nconst y = create();', 'create'],
    ["import { create } from './x';\ncreate();", 'create'],
    ["export * from './other';", 'default'],
    ['export function f() {}', 'default'],
    ['const $create = 1; export { $create };', 'create'],
    ['exports.recreate = 1;', 'create'],
  ])('%s → cannot export %s', (text, name) => {
    expect(mayExport(text, name)).toBe(false);
  });
});

describe('findExport through a barrel', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-scan-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const barrel = write('index.ts', "export * from './a';\nexport * from './b';\nexport * from './c';\n");
  write('a.ts', 'export function other() {}\n');
  const b = write('b.ts', 'export function create() { return 1; }\n');
  const c = write('c.ts', 'export const unrelated = 2;\n');

  beforeEach(() => {
    clearFileCaches();
    moduleStats.read = 0;
    moduleStats.parsed = 0;
    moduleStats.scanSkipped = 0;
  });

  it('parses only the barrel and the file that exports the name', () => {
    const target = findExport(barrel, 'create');
    expect(target?.file).toBe(b);
    expect(target?.node.type).toBe(AST_NODE_TYPES.FunctionDeclaration);
    // index.ts and b.ts; a.ts was scanned and skipped; c.ts was never reached.
    expect(moduleStats.parsed).toBe(2);
    expect(moduleStats.scanSkipped).toBe(1);
    expect(moduleStats.read).toBe(3);
  });

  it('a name no file exports parses nothing but the barrel', () => {
    expect(findExport(barrel, 'missing')).toBeUndefined();
    expect(moduleStats.parsed).toBe(1);
    expect(moduleStats.scanSkipped).toBe(3);
    // Parsing c.ts later is its first parse: the scan did not parse it.
    expect(loadModuleView(c)).toBeDefined();
    expect(moduleStats.parsed).toBe(2);
  });

  it('reads each file at most once per version', () => {
    findExport(barrel, 'create');
    findExport(barrel, 'unrelated');
    findExport(barrel, 'missing');
    expect(moduleStats.read).toBe(4);
    // index.ts, b.ts (create), c.ts (unrelated); a.ts exports none of these names and is never parsed.
    expect(moduleStats.parsed).toBe(3);
  });
});
