/**
 * Values that only talk about sensitive data (measured on a secrets manager's audit calls): the value's own name wins
 * over the key it is written under (`{ secretKey: params.secretName }` holds a name), slugs, channels and IP allow-lists
 * named after a credential are not the credential, and an imported enum member is a label in untyped mode too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../rules/no-sensitive-data-in-logs.js';

const linter = new Linter({ configType: 'flat' });
function lines(code: string): number[] {
  return linter
    .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { c: { rules: { r: rule } } as unknown as ESLint.Plugin }, rules: { 'c/r': 'error' } }], 'x.ts')
    .map((message) => (message.ruleId === 'c/r' ? message.line : -message.line));
}

describe('the value names itself', () => {
  it.each([
    ['declare const p: { secretName: string }; console.log({ secretKey: p.secretName });'],
    ['declare const p: { tokenExpiresAt: Date }; console.log({ token: p.tokenExpiresAt });'],
    ['declare const a: { slug: string }; console.log({ secretApprovalRequestSlug: a.slug, secretRequestChannels: ["c1"] });'],
    ['declare const i: { accessTokenTrustedIps: string[] }; console.log({ accessTokenTrustedIps: i.accessTokenTrustedIps });'],
    // a value whose shape is in view is judged by its own keys, not by the key it is written under
    ['declare const s: { id: string; version: number }[], n: { secretName: string }[]; console.log({ secrets: s.map((x, i) => ({ secretId: x.id, secretKey: n[i].secretName, secretVersion: x.version })) });'],
    ['declare const x: { id: string }; console.log({ credentials: { id: x.id } });'],
  ])('%s → no finding', (code) => {
    expect(lines(code)).toEqual([]);
  });

  it.each([
    ['declare const p: { value: string }; console.log({ secretKey: p.value });'],
    ['declare const p: { secretValue: string }; console.log({ secretKey: p.secretValue });'],
    ['declare const t: string; console.log({ accessToken: t });'],
    ['declare const s: { id: string }[], v: string[]; console.log({ secrets: s.map((x, i) => ({ secretId: x.id, secretValue: v[i] })) });'],
    ['declare const s: { id: string }[]; console.log({ tokens: s.map(load) }); declare function load(x: unknown): string;'],
  ])('%s → reported', (code) => {
    expect(lines(code)).toEqual([1]);
  });
});

describe("the file's own vocabulary: a multi-word key it fills with a name elsewhere is a name key", () => {
  const NAMES = 'declare const p: { secretName: string }; declare const s: { secretKey: string; id: string };\nconsole.log({ secretKey: p.secretName });\n';
  it.each([
    [`${NAMES}console.log({ secretKey: s.secretKey, id: s.id });`, [] as number[]],
    [`${NAMES}console.log(s.secretKey);`, []],
    // another key, a one-word key, a value that is the data: still reported
    [`${NAMES}declare const k: { apiKey: string }; console.log({ apiKey: k.apiKey });`, [3]],
    ['declare const t: { tokenName: string; token: string };\nconsole.log({ token: t.tokenName });\nconsole.log(t.token);', [3]],
    [`${NAMES}declare const v: { secretValue: string }; console.log({ secretKey: v.secretValue });`, [3]],
    // without the name write, the key is a credential
    ['declare const s: { secretKey: string };\nconsole.log({ secretKey: s.secretKey });', [2]],
  ])('%s', (code, expected) => {
    expect(lines(code)).toEqual(expected);
  });
});

describe('imported labels (untyped)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-labels-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'types.ts'), "export enum EventType { GET_SECRETS = 'get-secrets' }\nexport const Grant = { REFRESH_TOKEN: 'refresh_token' } as const;\nexport const tokens = { REFRESH_TOKEN: load() };\ndeclare function load(): string;\n");
  fs.writeFileSync(
    path.join(dir, 'route.ts'),
    "import { EventType, Grant, tokens } from './types';\nconsole.log({ type: EventType.GET_SECRETS });\nconsole.log({ grant: Grant.REFRESH_TOKEN });\nconsole.log({ t: tokens.REFRESH_TOKEN });\n",
  );

  it('an imported enum member or as-const literal is a label; an imported object built at run time is not', async () => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { compliance: plugin as unknown as ESLint.Plugin }, rules: { 'compliance/no-sensitive-data-in-logs': 'error' } }],
    });
    const [result] = await eslint.lintFiles(['route.ts']);
    expect(result?.messages.map((message) => message.line)).toEqual([4]);
  });
});
