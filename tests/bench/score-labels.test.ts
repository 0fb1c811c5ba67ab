import { describe, expect, it } from 'vitest';
import { score, total } from '../../scripts/score-labels.js';

// A made-up app: three labelled lines in one file, one in another.
const labels = [
  { file: 'src/a.ts', line: 3, label: 'leak' as const, category: 'credentials', reason: 'token logged' },
  { file: 'src/a.ts', line: 7, label: 'leak' as const, category: 'contactData', reason: 'recipient logged' },
  { file: 'src/a.ts', line: 9, label: 'ok' as const, reason: 'an id' },
  { file: 'src/b.ts', line: 4, label: 'ok' as const, reason: 'a count' },
];

describe('score', () => {
  it('counts a labelled line once, however many findings it has', () => {
    const result = score(labels, [
      { file: 'src/a.ts', line: 3, message: 'first' },
      { file: 'src/a.ts', line: 3, message: 'second' },
      { file: 'src/a.ts', line: 9, message: 'wrong' },
    ]);
    expect([result.tp, result.fp, result.fn, result.tn]).toEqual([1, 1, 1, 1]);
    expect(result.precision).toBe(0.5);
    expect(result.recall).toBe(0.5);
    expect(result.falsePositives.map(fp => [fp.line, fp.message])).toEqual([[9, 'wrong']]);
    expect(result.falseNegatives.map(fn => fn.line)).toEqual([7]);
  });

  it('matches by file and line, and returns findings on unlabelled lines apart', () => {
    const result = score(labels, [
      { file: 'src/b.ts', line: 3, message: 'line of a.ts, other file' },
      { file: 'src/a.ts', line: 4, message: 'next line' },
    ]);
    expect([result.tp, result.fp, result.fn, result.tn]).toEqual([0, 0, 2, 2]);
    expect(result.precision).toBeUndefined();
    expect(result.recall).toBe(0);
    expect(result.unlabelled.map(u => `${u.file}:${u.line}`)).toEqual(['src/b.ts:3', 'src/a.ts:4']);
  });

  it('scores require-endpoint-audit labels: `right` must be reported, every wrong-finding class must not', () => {
    const endpoints = [
      { file: 'src/routes.ts', line: 10, label: 'right', reason: 'deletes a member, no audit' },
      { file: 'src/routes.ts', line: 20, label: 'right', reason: 'updates a setting, no audit' },
      { file: 'src/routes.ts', line: 30, label: 'read-only', reason: 'POST that only lists' },
      { file: 'src/routes.ts', line: 40, label: 'audited-by-hook', reason: 'the model hook writes the event' },
      { file: 'src/routes.ts', line: 50, label: 'not-an-endpoint', reason: 'a Map#delete' },
      { file: 'src/routes.ts', line: 60, label: 'audited-by-callee', reason: 'the service audits' },
    ];
    const result = score(endpoints, [
      { file: 'src/routes.ts', line: 10, message: 'POST /members emits no audit event' },
      { file: 'src/routes.ts', line: 30, message: 'POST /list emits no audit event' },
      { file: 'src/routes.ts', line: 40, message: 'DELETE /x emits no audit event' },
    ]);
    expect([result.tp, result.fp, result.fn, result.tn]).toEqual([1, 2, 1, 2]);
    expect(result.falsePositives.map(fp => fp.label)).toEqual(['read-only', 'audited-by-hook']);
    expect(result.falseNegatives.map(fn => fn.line)).toEqual([20]);
  });

  it('sums app scores into a total', () => {
    const a = score(labels, [{ file: 'src/a.ts', line: 3, message: 'm' }, { file: 'src/a.ts', line: 7, message: 'm' }]);
    const b = score([{ file: 'x.ts', line: 1, label: 'ok', reason: 'r' }], [{ file: 'x.ts', line: 1, message: 'm' }]);
    const sum = total([a, b]);
    expect([sum.tp, sum.fp, sum.fn, sum.tn]).toEqual([2, 1, 0, 2]);
    expect(sum.precision).toBeCloseTo(2 / 3);
    expect(sum.recall).toBe(1);
  });
});
