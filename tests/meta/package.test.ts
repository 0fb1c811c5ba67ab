/** The package as users load it: built to dist/, resolved through its `exports`, from examples/. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('package', () => {
  // dist/ is built once by tests/global-setup.ts.

  it('declares the interface of SPEC.md', () => {
    expect(pkg.name).toBe('eslint-plugin-compliance');
    expect(pkg.type).toBe('module');
    expect(pkg.peerDependencies).toEqual({ eslint: '^9.15 || ^10', typescript: '>=5.0 <6.1' });
    expect(pkg.peerDependenciesMeta).toEqual({ typescript: { optional: true } });
    expect(pkg.engines).toEqual({ node: '>=20.19' });
    expect((pkg.exports as Record<string, { types: string; default: string }>)['.']).toEqual({
      types: './dist/src/index.d.ts',
      default: './dist/src/index.js',
    });
  });

  it('pins the @typescript-eslint packages to one exact version in devDependencies, a caret range of it in dependencies', () => {
    const ours = (deps: unknown): [string, string][] =>
      Object.entries((deps ?? {}) as Record<string, string>).filter(([name]) => name.startsWith('@typescript-eslint/') || name === 'typescript-eslint');
    const dev = new Set(ours(pkg.devDependencies).map(([, version]) => version));
    expect([...dev]).toHaveLength(1);
    const [exact] = [...dev];
    expect(exact).toMatch(/^\d+\.\d+\.\d+$/u);
    // Users share the parser's copy of typescript-estree/utils instead of installing a second one.
    const runtime = ours(pkg.dependencies);
    expect(runtime.length).toBeGreaterThan(0);
    for (const [, version] of runtime) expect(version).toBe(`^${exact}`);
  });

  it('loads by name from examples/ through its exports, with meta, rules and presets', () => {
    const script =
      "const m = await import('eslint-plugin-compliance'); const p = m.default;" +
      'console.log(JSON.stringify({ meta: p.meta, rules: Object.keys(p.rules), configs: Object.keys(p.configs), same: m.configs === p.configs }));';
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: path.join(root, 'examples'),
      encoding: 'utf8',
    });
    const loaded = JSON.parse(out) as { meta: Record<string, string>; rules: string[]; configs: string[]; same: boolean };
    expect(loaded.meta).toEqual({ name: 'eslint-plugin-compliance', version: pkg.version, namespace: 'compliance' });
    expect(loaded.rules).toContain('exemption-justification');
    expect(loaded.configs).toEqual(
      expect.arrayContaining(['recommended', 'strict', 'soc2', 'hipaa', 'gdpr', 'iso27001', 'pci-dss', 'nist-800-53']),
    );
    expect(loaded.same).toBe(true);
  });
});
