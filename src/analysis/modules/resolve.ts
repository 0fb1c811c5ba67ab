/**
 * Import specifiers → source files, without type information: relative paths with TypeScript's extension habits
 * (`./x.js` meaning `./x.ts`, `/index.*`), then the nearest tsconfig.json's `paths` and `baseUrl` (`extends` followed).
 * Package specifiers are never resolved: package code is not the app's.
 *
 * Scope of the caches here: per process, bounded (LRU): directory → nearest tsconfig.json, and tsconfig.json → its
 * paths config, re-read when its mtime or size changes; candidate files are looked up in directory listings
 * (`files.ts`, re-read when the directory's mtime changes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { directoryFiles, fileStamp, isFile } from './files.js';
import { LruMap } from './lru.js';

/** Directories whose nearest tsconfig.json is remembered. */
const MAX_DIRECTORIES = 4096;
/** tsconfig.json files whose paths config is remembered. */
const MAX_CONFIGS = 256;

// ---------------------------------------------------------------------------------------------------------------------

interface PathsConfig {
  /** Absolute `baseUrl`, when set. */
  readonly baseUrl?: string;
  readonly paths?: Readonly<Record<string, readonly string[]>>;
  /** What `paths` targets are relative to: `baseUrl`, else the directory of the config that declares `paths`. */
  readonly pathsBase?: string;
}

/** Strips comments and trailing commas from JSONC (strings kept intact). */
export function stripJsonComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
    } else if (char === '/' && next === '/') {
      while (index < text.length && text[index] !== '\n') index++;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 2;
    } else {
      out += char;
      index++;
    }
  }
  return out.replace(/,(\s*[}\]])/gu, '$1');
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8')));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Where an `extends` entry points: a relative/absolute file (`.json` optional) or `pkg/path` in a node_modules up the tree. */
function resolveExtends(fromDir: string, spec: string): string | undefined {
  const candidates = (base: string): string[] => (base.endsWith('.json') ? [base] : [base, `${base}.json`, path.join(base, 'tsconfig.json')]);
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    return candidates(path.resolve(fromDir, spec)).find(isFile);
  }
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const found = candidates(path.join(dir, 'node_modules', spec)).find(isFile);
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const MAX_EXTENDS = 10;

function readPathsConfig(file: string, seen: Set<string>): PathsConfig {
  if (seen.has(file) || seen.size > MAX_EXTENDS) return {};
  seen.add(file);
  const json = readJson(file);
  if (!json) return {};
  const dir = path.dirname(file);
  let result: PathsConfig = {};
  const extendsValue = json.extends;
  const bases = typeof extendsValue === 'string' ? [extendsValue] : Array.isArray(extendsValue) ? extendsValue : [];
  for (const base of bases) {
    if (typeof base !== 'string') continue;
    const baseFile = resolveExtends(dir, base);
    if (baseFile) result = { ...result, ...definedOnly(readPathsConfig(baseFile, seen)) };
  }
  const options = json.compilerOptions;
  if (typeof options === 'object' && options !== null) {
    const { baseUrl, paths } = options as Record<string, unknown>;
    if (typeof baseUrl === 'string') result = { ...result, baseUrl: path.resolve(dir, baseUrl) };
    if (typeof paths === 'object' && paths !== null && !Array.isArray(paths)) {
      const clean: Record<string, string[]> = {};
      for (const [key, targets] of Object.entries(paths as Record<string, unknown>)) {
        if (Array.isArray(targets)) clean[key] = targets.filter((target): target is string => typeof target === 'string');
      }
      result = { ...result, paths: clean, pathsBase: dir };
    }
  }
  return result;
}

function definedOnly(config: PathsConfig): PathsConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
}

/** Directory → nearest tsconfig.json (or null). */
const configByDir = new LruMap<string, string | null>(MAX_DIRECTORIES);
/** tsconfig.json → its resolved paths config, with the stamp it was read at. */
const configCache = new LruMap<string, { stamp: string; config: PathsConfig }>(MAX_CONFIGS);

function nearestTsconfig(dir: string): string | undefined {
  const visited: string[] = [];
  let found: string | null = null;
  for (let current = dir; ; current = path.dirname(current)) {
    const cached = configByDir.get(current);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(current);
    const candidate = path.join(current, 'tsconfig.json');
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  for (const visitedDir of visited) configByDir.set(visitedDir, found);
  return found ?? undefined;
}

function pathsConfigFor(dir: string): PathsConfig | undefined {
  const file = nearestTsconfig(dir);
  if (!file) return undefined;
  const stamp = fileStamp(file);
  if (stamp === undefined) return undefined;
  const cached = configCache.get(file);
  if (cached?.stamp === stamp) return cached.config;
  const config = readPathsConfig(file, new Set());
  configCache.set(file, { stamp, config });
  return config;
}


const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** NodeNext habit: the import names the emitted file (`./x.js`), the source is `./x.ts`. */
const EMITTED_TO_SOURCE: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

function isDeclarationFile(file: string): boolean {
  return /\.d\.[cm]?ts$/u.test(file);
}

/** A file for a path without knowing its extension: `x.ts` for `x.js`, `x` + extension, `x/index` + extension. */
function resolveAsFile(base: string): string | undefined {
  const extension = path.extname(base);
  const found = ((): string | undefined => {
    const siblings = directoryFiles(path.dirname(base));
    const name = path.basename(base);
    const sibling = (candidate: string): string | undefined => (siblings?.has(candidate) ? path.join(path.dirname(base), candidate) : undefined);
    for (const source of EMITTED_TO_SOURCE[extension] ?? []) {
      const hit = sibling(name.slice(0, -extension.length) + source);
      if (hit) return hit;
    }
    if (SOURCE_EXTENSIONS.includes(extension) && siblings?.has(name)) return base;
    for (const candidate of SOURCE_EXTENSIONS) {
      const hit = sibling(name + candidate);
      if (hit) return hit;
    }
    const children = directoryFiles(base);
    for (const candidate of SOURCE_EXTENSIONS) if (children?.has(`index${candidate}`)) return path.join(base, `index${candidate}`);
    return undefined;
  })();
  return found && !isDeclarationFile(found) && !/[\\/]node_modules[\\/]/u.test(found) ? found : undefined;
}

/** `paths` patterns that match a specifier, best first (exact, then longest prefix), with the `*` part substituted. */
function pathsCandidates(config: PathsConfig, specifier: string): string[] {
  const { paths, pathsBase } = config;
  if (!paths || !pathsBase) return [];
  const base = config.baseUrl ?? pathsBase;
  const exact = paths[specifier];
  if (exact) return exact.map((target) => path.resolve(base, target));
  let best: { prefix: string; star: string; targets: readonly string[] } | undefined;
  for (const [pattern, targets] of Object.entries(paths)) {
    const star = pattern.indexOf('*');
    if (star < 0 || pattern.indexOf('*', star + 1) >= 0) continue;
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best && best.prefix.length >= prefix.length) continue;
    best = { prefix, star: specifier.slice(prefix.length, specifier.length - suffix.length), targets };
  }
  return best ? best.targets.map((target) => path.resolve(base, target.replace('*', best.star))) : [];
}

/**
 * The source file a specifier names, from `fromFile`: relative and absolute paths (with `.ts/.tsx/.mts/.cts/.js/.jsx/
 * .mjs/.cjs`, `/index.*`, and `./x.js` meaning `./x.ts`), then the nearest tsconfig.json's `paths` and `baseUrl`.
 * undefined for packages (`express`, `@acme/audit`), declaration files, and anything not found.
 */
export function resolveImport(fromFile: string, specifier: string): string | undefined {
  try {
    const dir = path.dirname(path.resolve(fromFile));
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || path.isAbsolute(specifier)) {
      return resolveAsFile(path.resolve(dir, specifier));
    }
    if (specifier.startsWith('node:') || specifier.length === 0) return undefined;
    const config = pathsConfigFor(dir);
    if (!config) return undefined;
    for (const candidate of pathsCandidates(config, specifier)) {
      const found = resolveAsFile(candidate);
      if (found) return found;
    }
    return config.baseUrl ? resolveAsFile(path.resolve(config.baseUrl, specifier)) : undefined;
  } catch {
    return undefined;
  }
}

/** Directory → the npm scope of the nearest package.json's name (`@documenso`), or null. */
const scopeByDir = new LruMap<string, string | null>(MAX_DIRECTORIES);

function ownScope(dir: string): string | undefined {
  const cached = scopeByDir.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  let scope: string | null = null;
  const file = path.join(dir, 'package.json');
  if (isFile(file)) {
    const name = readJson(file)?.name;
    scope = typeof name === 'string' && name.startsWith('@') && name.includes('/') ? name.slice(0, name.indexOf('/')) : null;
  } else if (path.dirname(dir) !== dir) {
    scope = ownScope(path.dirname(dir)) ?? null;
  }
  scopeByDir.set(dir, scope);
  return scope ?? undefined;
}

/**
 * Whether a package specifier names a sibling of the importing file's own package in a monorepo: the same npm scope
 * (`@documenso/lib` imported from `@documenso/trpc`). Such a package is the app's own code, not a library.
 */
export function isSiblingPackage(fromFile: string, specifier: string): boolean {
  if (!specifier.startsWith('@')) return false;
  try {
    const scope = ownScope(path.dirname(path.resolve(fromFile)));
    return scope !== undefined && specifier.slice(0, specifier.indexOf('/')) === scope;
  } catch {
    return false;
  }
}

