/**
 * Files on disk, untyped mode: each version of a file (path + mtime + size) is read at most once and parsed at most
 * once per process, and only when needed — `mayExport` answers "could this file export `name`?" from the text, so a
 * file reached through `export *` that does not name it is never parsed.
 *
 * Scope of the caches here: per process, bounded (LRU, {@link MAX_RECORDS} files; a parsed AST is kept for the
 * {@link MAX_PARSED} most recently used files), each entry valid for one stamp: a changed mtime or size re-reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { type TextDeclaration, textDeclaration } from './declarations.js';
import { loadEstree, setParents } from './estree.js';
import { LruMap } from './lru.js';
import { type ModuleView, registerView } from './views.js';

/** Files bigger than this (bundles, generated code) are not read. */
const MAX_FILE_SIZE = 2_000_000;
/** Files whose text and export scan are kept (a few MB of text for a large app). */
export const MAX_RECORDS = 4096;
/** Files whose parsed ESTree is kept (an AST weighs ~20× its text). */
export const MAX_PARSED = 1024;

/** Counts work done on disk files, for tests and benchmarks: reads, full parses, parses avoided by the export scan. */
export const moduleStats = { read: 0, parsed: 0, scanSkipped: 0, declaredByText: 0 };

export function statFile(file: string): fs.Stats | undefined {
  try {
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    return stats?.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

export function isFile(file: string): boolean {
  return statFile(file) !== undefined;
}

/** `mtime:size` of a file, the version key of every cache here; undefined when it is not a readable file. */
export function fileStamp(file: string): string | undefined {
  const stats = statFile(file);
  return stats ? `${stats.mtimeMs}:${stats.size}` : undefined;
}

/** Directories whose listing is kept (see {@link isListedFile}). */
export const MAX_LISTINGS = 4096;

interface Listing {
  readonly mtimeMs: number;
  /** Names of the regular files (symbolic links to files included). */
  readonly files: ReadonlySet<string>;
  /** The same names, lower-cased: a miss that matches one of them is checked on disk (case-insensitive file systems). */
  readonly lower: ReadonlySet<string>;
}

const listings = new LruMap<string, Listing>(MAX_LISTINGS);

function readListing(dir: string, mtimeMs: number): Listing {
  const files = new Set<string>();
  try {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(path.join(dir, entry.name)))) files.add(entry.name);
    }
  } catch {
    // unreadable: no files
  }
  return { mtimeMs, files, lower: new Set([...files].map((name) => name.toLowerCase())) };
}

/**
 * The regular files of a directory, from its listing: one `stat` of the directory, and a `readdir` only when its mtime
 * changed (adding, removing or renaming an entry changes it). Resolving a specifier tries up to sixteen candidate
 * names in two directories; this makes that two `stat`s instead of sixteen. `has(name)` checks a miss that differs only
 * in case on disk (case-insensitive file systems). undefined when `dir` is not a directory.
 */
export function directoryFiles(dir: string): { has(name: string): boolean } | undefined {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(dir, { throwIfNoEntry: false });
  } catch {
    stats = undefined;
  }
  if (!stats?.isDirectory()) return undefined;
  let listing = listings.get(dir);
  if (listing?.mtimeMs !== stats.mtimeMs) {
    listing = readListing(dir, stats.mtimeMs);
    listings.set(dir, listing);
  }
  const { files, lower } = listing;
  return { has: (name) => files.has(name) || (lower.has(name.toLowerCase()) && isFile(path.join(dir, name))) };
}

interface FileRecord {
  readonly stamp: string;
  /** undefined: unreadable. */
  readonly text: string | undefined;
  scan?: ExportScan;
  /** {@link fileDeclaration} answers, by export name. */
  declarations?: Map<string, TextDeclaration | undefined>;
  /** {@link fileOrigin} answers, by export name. */
  origins?: Map<string, TextOrigin>;
  /** Words looked for in the text ({@link fileMentions}), answered once. */
  mentions?: Map<string, boolean>;
}

const records = new LruMap<string, FileRecord>(MAX_RECORDS);
const parsed = new LruMap<string, { readonly stamp: string; readonly view: ModuleView | undefined }>(MAX_PARSED);

/** Forgets every file (tests). */
export function clearFileCaches(): void {
  records.clear();
  listings.clear();
  parsed.clear();
}

function recordOf(absolute: string): FileRecord | undefined {
  const stats = statFile(absolute);
  if (!stats || stats.size > MAX_FILE_SIZE) return undefined;
  const stamp = `${stats.mtimeMs}:${stats.size}`;
  const cached = records.get(absolute);
  if (cached?.stamp === stamp) return cached;
  let text: string | undefined;
  try {
    text = fs.readFileSync(absolute, 'utf8');
    moduleStats.read++;
  } catch {
    text = undefined;
  }
  const record: FileRecord = { stamp, text };
  records.set(absolute, record);
  return record;
}

const JSX_EXTENSIONS = new Set(['.tsx', '.jsx', '.js', '.mjs', '.cjs']);

function parseText(absolute: string, text: string, stamp: string): ModuleView | undefined {
  const parser = loadEstree();
  if (!parser) return undefined;
  try {
    const ast: TSESTree.Program = parser.parse(text, {
      range: true,
      loc: false,
      comment: false,
      tokens: false,
      jsx: JSX_EXTENSIONS.has(path.extname(absolute)),
      filePath: absolute,
      jsDocParsingMode: 'none',
      suppressDeprecatedPropertyWarnings: true,
    });
    setParents(ast, parser);
    moduleStats.parsed++;
    return registerView({ file: absolute, ast, stamp });
  } catch {
    return undefined;
  }
}

/**
 * The module view of a file on disk, parsed with typescript-estree (ranges and parents, no locations — nothing reports on another file; JSX by extension),
 * cached by path + mtime + size. undefined when the file cannot be read or parsed, or is too big.
 */
export function loadModuleView(file: string): ModuleView | undefined {
  const absolute = path.resolve(file);
  const record = recordOf(absolute);
  if (!record) return undefined;
  const cached = parsed.get(absolute);
  if (cached?.stamp === record.stamp) return cached.view;
  const view = record.text === undefined ? undefined : parseText(absolute, record.text, record.stamp);
  parsed.set(absolute, { stamp: record.stamp, view });
  return view;
}

/** The ESTree Program of a file on disk (see {@link loadModuleView}); undefined on read or parse failure. Never throws. */
export function parseModule(file: string): TSESTree.Program | undefined {
  return loadModuleView(file)?.ast;
}

// ---------------------------------------------------------------------------------------------------------------------
// The export scan
// ---------------------------------------------------------------------------------------------------------------------

/** What the text of a module says about its exports, without parsing it. */
interface ExportScan {
  /** `export * from '…'`: any name but `default` may come from elsewhere. */
  readonly star: boolean;
  /** Any export syntax at all (`export`, `module.exports`, `exports.x`). */
  readonly exports: boolean;
  /** Could export `default` (`export default`, `export =`, `as default`, CommonJS). */
  readonly defaultExport: boolean;
}

const STAR = /\bexport\s*\*\s*from\b/u;
const ANY_EXPORT = /\bexports?\b/u;
/** `export default`, `as default`, `export =`, `module.exports = …`, `exports = …`. */
const DEFAULT_EXPORT = /\bdefault\b|\bexport\s*=|\bmodule\s*\.\s*exports\b|\bexports\s*=/u;
const IDENTIFIER_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200c\u200d]/u;
const IDENTIFIER = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200c\u200d]*$/u;

export function scanExports(text: string): ExportScan {
  return { star: STAR.test(text), exports: ANY_EXPORT.test(text), defaultExport: DEFAULT_EXPORT.test(text) };
}

/** `name` as a whole word of the text (not part of a longer identifier): how every export of it is spelled. */
function mentions(text: string, name: string): boolean {
  if (!IDENTIFIER.test(name)) return text.includes(name);
  const isPart = (char: string | undefined): boolean => char !== undefined && IDENTIFIER_PART.test(char);
  for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + 1)) {
    if (!isPart(text[index - 1]) && !isPart(text[index + name.length])) return true;
  }
  return false;
}

/**
 * Whether a text could export `name` — conservative: false only when no export syntax of the module could produce it
 * (every named export spells the name in the text: a declaration, a specifier, `exports.name`, a `module.exports`
 * key; only `export *` brings names the text does not spell).
 */
export function textMayExport(scan: ExportScan, text: string, name: string): boolean {
  if (!scan.exports) return false;
  if (name === 'default') return scan.defaultExport;
  return scan.star || mentions(text, name);
}

/**
 * Whether the file on disk could export `name` (see {@link textMayExport}). true when the file cannot be read: the
 * caller's load then fails the usual way.
 */
export function fileMayExport(file: string, name: string): boolean {
  const absolute = path.resolve(file);
  const record = recordOf(absolute);
  if (record?.text === undefined) return true;
  record.scan ??= scanExports(record.text);
  const may = textMayExport(record.scan, record.text, name);
  if (!may) moduleStats.scanSkipped++;
  return may;
}

/** `export … from '…'` (named or star): a module whose text passes on another module's values. */
const RE_EXPORT = /\bexport\b[^;]*\bfrom\b/u;

/** Whether a module's text re-exports from another module (then what it exports is not all in its own text). */
export function textReExports(text: string): boolean {
  return RE_EXPORT.test(text);
}

const NAMED_RE_EXPORTS = /\bexport\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gu;
const IMPORTS = /\bimport\s+(?:type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gu;

/**
 * Where, by its text alone, a module gets the value it exports as `name` from another module: `{ source, name }` (the
 * name there: `export { default as User } from './User'` → `default`), `'*'` when an `export * from` may bring it,
 * undefined when the module makes the value itself (or does not export it). Also a name imported and exported again
 * (`import { log } from './log'; export { log }`).
 */
export type TextOrigin = { readonly source: string; readonly name: string } | '*' | undefined;

export function textOrigin(text: string, name: string): TextOrigin {
  for (const [, list = '', source = ''] of text.matchAll(NAMED_RE_EXPORTS)) {
    for (const item of list.split(',')) {
      const [local = '', exported = local] = item.trim().replace(/^type\s+/u, '').split(/\s+as\s+/u).map((part) => part.trim());
      if (exported === name) return { source, name: local };
    }
  }
  if (STAR.test(text)) return '*';
  for (const [, clause = '', source = ''] of text.matchAll(IMPORTS)) {
    if (!mentions(clause, name)) continue;
    const braces = /\{([^}]*)\}/u.exec(clause)?.[1] ?? '';
    for (const item of braces.split(',')) {
      const [imported = '', local = imported] = item.trim().split(/\s+as\s+/u).map((part) => part.trim());
      if (local === name) return { source, name: imported };
    }
    return clause.trim().startsWith('*') ? '*' : { source, name: 'default' };
  }
  return undefined;
}

/** {@link textOrigin} of a file on disk, cached with its record; `'*'` (anything may come) when it cannot be read. */
export function fileOrigin(file: string, name: string): TextOrigin {
  const record = recordOf(path.resolve(file));
  if (record?.text === undefined) return '*';
  record.origins ??= new Map();
  if (!record.origins.has(name)) record.origins.set(name, textOrigin(record.text, name));
  return record.origins.get(name);
}

/** Whether the text of a file on disk contains `word` (true when it cannot be read), cached with its record. */
export function fileMentions(file: string, word: string): boolean {
  const record = recordOf(path.resolve(file));
  if (record?.text === undefined) return true;
  record.mentions ??= new Map();
  let found = record.mentions.get(word);
  if (found === undefined) record.mentions.set(word, (found = record.text.includes(word)));
  return found;
}

/** The text of a file on disk (read once, cached with its record); undefined when it cannot be read. */
export function fileText(file: string): string | undefined {
  return recordOf(path.resolve(file))?.text;
}

/**
 * What the file on disk declares its export `name` as, read from the text (see `declarations.ts`); undefined when the
 * text does not say it unambiguously or the file cannot be read. Cached with the file's record.
 */
export function fileDeclaration(file: string, name: string): TextDeclaration | undefined {
  const record = recordOf(path.resolve(file));
  if (record?.text === undefined) return undefined;
  record.declarations ??= new Map();
  if (!record.declarations.has(name)) record.declarations.set(name, textDeclaration(record.text, name));
  const declared = record.declarations.get(name);
  if (declared) moduleStats.declaredByText++;
  return declared;
}
