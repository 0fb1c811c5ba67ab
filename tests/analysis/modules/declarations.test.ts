/**
 * What a module's text says an export is (src/analysis/modules/declarations.ts), and findExportOrDeclaration, which
 * stops at such a declaration instead of parsing the module. Every positive has a look-alike where the text does not
 * say it, so the module must be parsed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearFileCaches, findExport, findExportOrDeclaration, moduleStats } from '../../../src/analysis/modules.js';
import { textDeclaration } from '../../../src/analysis/modules/declarations.js';

describe('textDeclaration', () => {
  it.each([
    ['export class User extends Model {}', 'User', 'class'],
    ['export abstract class Base {}', 'Base', 'class'],
    ['class User {}\nexport { User };', 'User', 'class'],
    ['export declare class Client {}', 'Client', 'class'],
    ['export async function signIn(ctx) {}', 'signIn', 'function'],
    ['export function* items() {}', 'items', 'function'],
    ['export function parse<T>(x: T) {}', 'parse', 'function'],
    ['export const toError = (e: unknown): Error => new Error(String(e));', 'toError', 'function'],
    ['export const wrap = async (fn) => fn;', 'wrap', 'function'],
    ['export const id = x => x;', 'id', 'function'],
    ['export const handler = function () {};', 'handler', 'function'],
    ['export default class Router {}', 'default', 'class'],
    ['export default async function route() {}', 'default', 'function'],
    ['class Api {}\nexport default Api;', 'default', 'class'],
    ['export class $Store {}', '$Store', 'class'],
  ])('%s → %s is a %s', (text, name, kind) => {
    expect(textDeclaration(text, name)).toBe(kind);
  });

  it.each([
    // The value is made by a call: it may be a logger.
    ['export const logger = pino();', 'logger'],
    ['export const log = createLogger({ level: "info" });', 'log'],
    ['export default pino();', 'default'],
    // Another declaration is exported under that name.
    ['class Other {}\nexport { Other as User };\nclass User {}', 'User'],
    ["export { User } from './models';\nclass User {}", 'User'],
    ["export type { User } from './models';\nfunction User() {}", 'User'],
    ['function log() {}\nexport { log as default };', 'default'],
    // CommonJS and `export =` can make the export anything.
    ['class User {}\nmodule.exports = { User: makeUser() };', 'User'],
    ['function log() {}\nexports.log = pino();', 'log'],
    ['class Api {}\nexport = createApi();', 'Api'],
    // Not at the start of a line (inside a function or a string), or only a longer name.
    ['function f() { class User {} }', 'User'],
    ['const text = "class User {}";', 'User'],
    ['export class UserModel {}', 'User'],
    ['export function signInLater() {}', 'signIn'],
    ['export const User = makeModel();', 'User'],
    ['export const logger = (await import("pino")).default();', 'logger'],
    ["export default 'text';", 'default'],
    ['not-an-identifier', 'not-an-identifier'],
  ])('%s → %s: the text does not say', (text, name) => {
    expect(textDeclaration(text, name)).toBeUndefined();
  });
});

describe('findExportOrDeclaration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-declarations-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const barrel = write('index.ts', "export * from './models';\nexport * from './log';\n");
  const models = write('models.ts', 'export class User {}\nexport class Team {}\n');
  const log = write('log.ts', "import pino from 'pino';\nexport const logger = pino();\n");

  beforeEach(() => {
    clearFileCaches();
    moduleStats.parsed = 0;
    moduleStats.declaredByText = 0;
  });

  it('answers a class through a barrel without parsing the module that declares it', () => {
    expect(findExportOrDeclaration(barrel, 'User')).toEqual({ file: models, declared: 'class' });
    expect(moduleStats.parsed).toBe(1); // the barrel only
    expect(moduleStats.declaredByText).toBe(1);
  });

  it('parses the module when the export is a value made by a call', () => {
    const target = findExportOrDeclaration(barrel, 'logger');
    expect(target && 'node' in target ? target.file : undefined).toBe(log);
    expect(moduleStats.parsed).toBe(2);
  });

  it('findExport still returns the declaration node', () => {
    const target = findExport(barrel, 'User');
    expect(target?.file).toBe(models);
    expect(target?.node.type).toBe('ClassDeclaration');
    expect(moduleStats.declaredByText).toBe(0);
  });
});
