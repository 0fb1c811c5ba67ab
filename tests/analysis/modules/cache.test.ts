/**
 * The per-process caches of the module graph are bounded (LRU) and keyed by path + mtime + size: a changed file is read
 * again, an evicted one too, nothing grows without end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFileCaches, loadModuleView, MAX_PARSED, moduleStats, resolveImport } from '../../../src/analysis/modules.js';
import { directoryFiles } from '../../../src/analysis/modules/files.js';
import { isSiblingPackage } from '../../../src/analysis/modules/resolve.js';
import { DATA_METHOD_NAMES } from '../../../src/analysis/data-access/index.js';
import { LruMap } from '../../../src/analysis/modules/lru.js';

describe('LruMap', () => {
  it('keeps at most `bound` entries, evicting the least recently used', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recent
    map.set('c', 3);
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('setting an existing key refreshes it without growing', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    map.set('c', 3);
    expect(map.get('a')).toBe(10);
    expect(map.get('b')).toBeUndefined();
    expect(map.size).toBe(2);
  });
});

describe('file caches', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-cache-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    clearFileCaches();
    moduleStats.read = 0;
    moduleStats.parsed = 0;
  });

  it('a changed mtime or size reads and parses the file again; an unchanged one does not', () => {
    const file = path.join(dir, 'changing.ts');
    fs.writeFileSync(file, 'export const a = 1;\n');
    const first = loadModuleView(file);
    expect(loadModuleView(file)).toBe(first);
    expect([moduleStats.read, moduleStats.parsed]).toEqual([1, 1]);

    fs.writeFileSync(file, 'export const a = 12;\n'); // size changes
    const second = loadModuleView(file);
    expect(second).not.toBe(first);
    expect([moduleStats.read, moduleStats.parsed]).toEqual([2, 2]);

    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later); // mtime changes, same size
    expect(loadModuleView(file)).not.toBe(second);
    expect([moduleStats.read, moduleStats.parsed]).toEqual([3, 3]);
  });

  it(`keeps at most ${MAX_PARSED} parsed files: the least recently used is parsed again`, () => {
    const files = Array.from({ length: MAX_PARSED + 1 }, (_, index) => {
      const file = path.join(dir, `f${index}.ts`);
      fs.writeFileSync(file, `export const v${index} = ${index};\n`);
      return file;
    });
    const [oldest] = files;
    const newest = files.at(-1);
    for (const file of files) loadModuleView(file);
    expect(moduleStats.parsed).toBe(MAX_PARSED + 1);
    if (newest) loadModuleView(newest);
    expect(moduleStats.parsed).toBe(MAX_PARSED + 1);
    if (oldest) loadModuleView(oldest);
    expect(moduleStats.parsed).toBe(MAX_PARSED + 2);
    // Its text was still cached (the text cache is larger): the file was not read again.
    expect(moduleStats.read).toBe(MAX_PARSED + 1);
  });
});

describe('directory listings (import resolution)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-listing-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => clearFileCaches());

  it('a file added or removed after a first resolution is seen: the listing is read again when the directory changes', () => {
    const from = path.join(dir, 'main.ts');
    fs.writeFileSync(from, '');
    fs.mkdirSync(path.join(dir, 'service'));
    fs.writeFileSync(path.join(dir, 'service', 'index.ts'), '');
    expect(resolveImport(from, './service')).toBe(path.join(dir, 'service', 'index.ts'));
    fs.writeFileSync(path.join(dir, 'service.ts'), ''); // now wins over the folder
    expect(resolveImport(from, './service')).toBe(path.join(dir, 'service.ts'));
    fs.rmSync(path.join(dir, 'service.ts'));
    expect(resolveImport(from, './service')).toBe(path.join(dir, 'service', 'index.ts'));
    expect(resolveImport(from, './missing')).toBeUndefined();
  });

  it('lists regular files only; a folder or a missing directory is no file', () => {
    fs.mkdirSync(path.join(dir, 'listed', 'sub.ts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'listed', 'a.ts'), '');
    const files = directoryFiles(path.join(dir, 'listed'));
    expect(files?.has('a.ts')).toBe(true);
    expect(files?.has('sub.ts')).toBe(false);
    expect(files?.has('b.ts')).toBe(false);
    expect(directoryFiles(path.join(dir, 'absent'))).toBeUndefined();
    expect(directoryFiles(path.join(dir, 'listed', 'a.ts'))).toBeUndefined();
  });
});

describe('monorepo siblings and data method names (read-only inference)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-sibling-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a package of the importing package\'s own npm scope is a sibling; another scope or an unscoped package is not', () => {
    fs.mkdirSync(path.join(dir, 'packages', 'trpc', 'server'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'packages', 'trpc', 'package.json'), JSON.stringify({ name: '@acme/trpc' }));
    const from = path.join(dir, 'packages', 'trpc', 'server', 'router.ts');
    expect(isSiblingPackage(from, '@acme/lib/server-only/user')).toBe(true);
    expect(isSiblingPackage(from, '@prisma/client')).toBe(false);
    expect(isSiblingPackage(from, 'lodash')).toBe(false);
    expect(isSiblingPackage(path.join(dir, 'loose.ts'), '@acme/lib')).toBe(false);
  });

  it('method names the data-access records read or write; raw SQL methods are neither', () => {
    expect(DATA_METHOD_NAMES.read.has('findMany')).toBe(true);
    expect(DATA_METHOD_NAMES.read.has('scope')).toBe(true);
    expect(DATA_METHOD_NAMES.write.has('destroy')).toBe(true);
    expect(DATA_METHOD_NAMES.write.has('findOrCreate')).toBe(true);
    expect(DATA_METHOD_NAMES.read.has('findOrCreate')).toBe(false);
    expect(DATA_METHOD_NAMES.write.has('query') || DATA_METHOD_NAMES.read.has('query')).toBe(false);
  });
});

