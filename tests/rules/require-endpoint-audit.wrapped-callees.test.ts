/**
 * require-endpoint-audit: calling a constant made by a wrapper call runs the function the wrapper was given
 * (`export default traceFunction({ … })(documentMover)` on real code). A declared wrapper (no body to follow) and a
 * local higher-order function; each with its look-alike whose wrapped function does not audit. Both modes.
 */
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import { describe } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/require-endpoint-audit.js';
import { citeControls } from '../../src/analysis/controls.js';
import { resolvePolicy } from '../../src/settings.js';
import { typedTester, untypedTester } from '../rule-tester.js';

const lines = (...items: string[]): string => items.join('\n');

const HEAD = lines(
  "import express from 'express';",
  'declare const audit: { log(event: Record<string, unknown>): Promise<void> };',
  'declare const db: { move(id: string): Promise<void> };',
  'declare function traceFunction(config: object): <F>(fn: F) => F;',
  'const localTrace = (config: object) => <F,>(fn: F): F => fn;',
  'const app = express();',
);

const AUDITED = "async function move(id: string) { await db.move(id); await audit.log({ action: 'doc.move', resource: id }); }";
const SILENT = 'async function move(id: string) { await db.move(id); }';

const wrappers = [
  { name: 'a declared wrapper', make: "traceFunction({ name: 'move' })(move)" },
  { name: 'a local higher-order function', make: "localTrace({ name: 'move' })(move)" },
];

function code(fn: string, make: string): string {
  return lines(HEAD, fn, `const mover = ${make};`, "app.post('/move', async (req, res) => {", '  await mover(req.body.id);', '  res.end();', '});');
}

function cases(): { valid: ValidTestCase<[Options]>[]; invalid: InvalidTestCase<MessageIds, [Options]>[] } {
  const valid = wrappers.map(({ name, make }) => ({ name: `${name}: the wrapped function audits`, code: code(AUDITED, make) }));
  const invalid = wrappers.map(({ name, make }) => {
    const source = code(SILENT, make);
    return {
      name: `look-alike, ${name}: the wrapped function does not audit`,
      code: source,
      errors: [
        {
          messageId: 'missingAuditCall' as const,
          line: 9,
          data: { label: 'POST /move', controls: citeControls(resolvePolicy({}), { checks: ['audit'] }) },
          suggestions: [],
        },
      ],
    };
  });
  return { valid, invalid };
}

describe('require-endpoint-audit: wrapped callees (untyped)', () => {
  untypedTester().run('require-endpoint-audit', rule, cases());
});

describe('require-endpoint-audit: wrapped callees (typed)', () => {
  typedTester().run('require-endpoint-audit', rule, cases());
});
