/**
 * Masking helpers recognised by what they do (issue 9): a function of the file or an imported one that returns its input
 * with the values of sensitive keys replaced or deleted masks its argument, whatever its name; one that only copies or
 * reshapes its input does not. Both modes: an unknown call under a sensitive key is reported by the key (untyped and
 * typed), and typed mode also reads the helper's return type (a generic `T` gives back the record's type).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { moduleStats } from '../../src/analysis/modules.js';
import { fixturesDir } from '../rule-tester.js';
import { ruleConfig } from './no-sensitive-data-in-logs.cases.js';

const linter = new Linter({ configType: 'flat' });
const FILE = path.join(fixturesDir, 'masking', 'probe.ts');
const HEAD = [
  "import pino from 'pino';",
  "import starHidden, { copyOf, describeKeys, sameEntries, scrubKeys, withoutSecrets, withoutTimestamps } from './helpers.js';",
  "import * as helpers from './helpers.js';",
  'const logger = pino();',
  'interface Login { user: string; password: string }',
  'declare const payload: Record<string, string>;',
  'declare const login: Login;',
  '',
].join('\n');

/** The lines (1-based, in the snippet after HEAD) the rule reports, in one mode. */
function reportedLines(snippet: string, typed: boolean): number[] {
  const offset = HEAD.split('\n').length - 1;
  const messages = linter.verify(
    HEAD + snippet,
    ruleConfig(typed, { compliance: { regulations: { gdpr: true } } }),
    { filename: FILE },
  );
  return messages.map(message => (message.ruleId ? message.line - offset : -1));
}

const MASKING = ['scrubKeys', 'withoutSecrets', 'starHidden', 'helpers.scrubKeys'];
const LOOK_ALIKES = ['copyOf', 'sameEntries', 'withoutTimestamps', 'describeKeys', 'helpers.copyOf'];

describe('imported masking helpers, by what they do', () => {
  for (const typed of [true, false]) {
    const mode = typed ? 'typed' : 'untyped';
    it.each(MASKING)(`${mode}: %s masks what it is given`, helper => {
      expect(reportedLines(`logger.info({ token: ${helper}(payload) });\nlogger.info(${helper}(login));`, typed)).toEqual([]);
    });
    it.each(LOOK_ALIKES)(`${mode}: %s copies or reshapes, and masks nothing`, helper => {
      // the key says what an unknown value is (both modes); typed mode also sees the Login type through the generic
      expect(reportedLines(`logger.info({ token: ${helper}(payload) });\nlogger.info(${helper}(login));`, typed)).toEqual(typed ? [1, 2] : [1]);
    });
  }
});

describe('imported modules: re-exports followed, modules with no mask in their text not parsed (untyped)', () => {
  const SNIPPET = [
    "import { cleaned, maskWithX } from './reexports.js';",
    "import { withStamp } from './shapes.js';",
    'logger.info({ token: cleaned(payload) }, { token: maskWithX(payload) });',
    'logger.info({ token: withStamp(payload) });',
  ].join('\n');
  for (const typed of [true, false]) {
    it(`${typed ? 'typed' : 'untyped'}: helpers re-exported by a barrel mask (a run of x is a mask); a reshaping helper does not`, () => {
      expect(reportedLines(SNIPPET, typed)).toEqual([4]);
    });
  }
  it('untyped: a module whose text shows no mask is not parsed for masking helpers; one that shows a mask still masks', () => {
    // fresh copies, so that no earlier test has parsed them
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-masks-'));
    try {
      for (const name of ['shapes.ts', 'x-mask.ts']) fs.copyFileSync(path.join(fixturesDir, 'masking', name), path.join(dir, name));
      const local = new Linter({ configType: 'flat', cwd: dir });
      const lint = (code: string): number[] =>
        local
          .verify(HEAD.replace(/^import starHidden.*\n^import \* as helpers.*\n/mu, '') + code, ruleConfig(false), { filename: path.join(dir, 'probe.ts') })
          .map(message => message.line);
      // both modules export by a list, which only a parse of the whole module resolves
      const before = moduleStats.parsed;
      const reshaped = lint("import { withStamp } from './shapes.js';\nlogger.info({ token: withStamp(payload) });");
      const afterShapes = moduleStats.parsed - before;
      const masked = lint("import { maskWithX } from './x-mask.js';\nlogger.info({ token: maskWithX(payload) });");
      expect({ reshaped: reshaped.length, afterShapes, masked }).toEqual({ reshaped: 1, afterShapes: 0, masked: [] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('masking helpers of the linted file', () => {
  const LOCAL = [
    "const SECRET = /pass|token/iu;",
    'function redact<T extends object>(value: T): T {',
    "  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET.test(k) ? '***' : v])) as T;",
    '}',
    'const copy = <T extends object>(value: T): T => ({ ...value });',
    'class Audit {',
    '  private clean<T extends object>(value: T): T {',
    '    const out: Record<string, unknown> = { ...value };',
    '    delete out.password;',
    '    return out as T;',
    '  }',
    '  log(): void {',
    '    logger.info({ token: this.clean(payload) });',
    '  }',
    '}',
    'logger.info({ token: redact(payload) }, { token: copy(payload) });',
    '',
  ].join('\n');
  for (const typed of [true, false]) {
    it(`${typed ? 'typed' : 'untyped'}: a function and a method that mask by key; a copy does not`, () => {
      expect(reportedLines(LOCAL, typed)).toEqual([16]);
    });
  }
});

describe('masking inside a configured audit helper', () => {
  it.todo(
    "an audit helper whose body masks its event's property before the write (`queueAudit({ newObject })` hands `newObject` " +
      'to another audit call inside `setImmediate`, which passes it through a key-masking helper before the store write): ' +
      'needs a per-parameter-property summary of the audit function across two calls and a callback, and the event argument ' +
      'of the audit call is chosen by the sink detector, which this change does not own',
  );
});
