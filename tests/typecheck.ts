/**
 * Type-checks one file of the typed fixture project (tests/fixtures) with given contents: a TypeScript program with the
 * compiler options of tests/fixtures/tsconfig.json, whose host serves `code` for `fileName` and the disk for every other
 * file (the real framework type packages, the fixture modules). Used to prove that suggested code type-checks.
 */
import path from 'node:path';
import ts from 'typescript';
import { fixturesDir } from './rule-tester.js';

const CONFIG_FILE = path.join(fixturesDir, 'tsconfig.json');

let options: ts.CompilerOptions | undefined;

function fixtureOptions(): ts.CompilerOptions {
  if (options) return options;
  const read = ts.readConfigFile(CONFIG_FILE, (file) => ts.sys.readFile(file));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, fixturesDir, undefined, CONFIG_FILE);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')).join('\n'));
  options = parsed.options;
  return options;
}

/**
 * Disk files parsed once for all programs (the lib and type packages dominate the cost), keyed by path and by what
 * parsing depends on (language version, module format).
 */
const diskFiles = new Map<string, ts.SourceFile>();

function cacheKey(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof languageVersion === 'number') return `${fileName}\0${languageVersion}`;
  return `${fileName}\0${languageVersion.languageVersion}\0${String(languageVersion.impliedNodeFormat)}\0${String(languageVersion.jsDocParsingMode)}`;
}

function formatDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}

/** Syntactic and semantic diagnostics of `fileName` when it contains `code`, as `line:column TScode: message`. */
export function typeErrors(code: string, fileName: string): string[] {
  const compilerOptions = fixtureOptions();
  const target = path.resolve(fileName);
  const host = ts.createCompilerHost(compilerOptions, true);
  const isTarget = (name: string): boolean => path.resolve(name) === target;
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => isTarget(name) || fileExists(name);
  host.readFile = (name) => (isTarget(name) ? code : readFile(name));
  host.getSourceFile = (name, languageVersion, onError, shouldCreateNewSourceFile) => {
    if (isTarget(name)) return ts.createSourceFile(name, code, languageVersion, true);
    const key = cacheKey(path.resolve(name), languageVersion);
    let sourceFile = diskFiles.get(key);
    if (!sourceFile) {
      sourceFile = getSourceFile(name, languageVersion, onError, shouldCreateNewSourceFile);
      if (sourceFile) diskFiles.set(key, sourceFile);
    }
    return sourceFile;
  };
  const program = ts.createProgram({ rootNames: [target], options: compilerOptions, host });
  const sourceFile = program.getSourceFile(target);
  if (!sourceFile) throw new Error(`typeErrors: ${fileName} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(formatDiagnostic);
}
