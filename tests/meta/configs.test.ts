/** The presets: generated from rule metadata and regulation data, combinable through ESLint's own config resolution. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { citeControls, ruleEnforcesControl } from '../../src/analysis/controls.js';
import { PRESET_NAMES, ruleServesRegulation } from '../../src/configs.js';
import plugin, { configs } from '../../src/index.js';
import { REGULATIONS } from '../../src/regulations/index.js';
import { REGULATION_IDS } from '../../src/regulations/types.js';
import { resolvePolicy } from '../../src/settings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function resolvedSettings(
  ...presets: Array<(typeof configs)[keyof typeof configs]>
): Promise<{ settings: Record<string, unknown>; rules: Record<string, unknown> }> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'] }, ...presets] as ESLint.Options['overrideConfig'],
  });
  const config = (await eslint.calculateConfigForFile(path.join(root, 'src/index.ts'))) as {
    settings?: Record<string, unknown>;
    rules?: Record<string, unknown>;
  };
  return { settings: config.settings ?? {}, rules: config.rules ?? {} };
}

describe('presets', () => {
  it('exist for every preset name, each named and carrying the plugin', () => {
    expect(Object.keys(configs).sort()).toEqual([...PRESET_NAMES].sort());
    for (const name of PRESET_NAMES) {
      expect(configs[name].name).toBe(`compliance/${name}`);
      expect(configs[name].plugins?.compliance).toBe(plugin);
    }
  });

  it('name only real rules', () => {
    for (const name of PRESET_NAMES) {
      for (const ruleId of Object.keys(configs[name].rules ?? {})) {
        expect(ruleId.startsWith('compliance/'), ruleId).toBe(true);
        expect(rules[ruleId.slice('compliance/'.length)], ruleId).toBeDefined();
      }
    }
  });

  it('are generated from rule metadata: recommended = docs.recommended, strict = all', () => {
    const recommended = Object.keys(rules).filter(name => rules[name]!.meta.docs?.recommended);
    expect(Object.keys(configs.recommended.rules ?? {}).sort()).toEqual(recommended.map(name => `compliance/${name}`).sort());
    expect(Object.keys(configs.strict.rules ?? {}).sort()).toEqual(Object.keys(rules).map(name => `compliance/${name}`).sort());
  });

  it.each(REGULATION_IDS)('%s enables exactly the rules serving its controls and activates the regulation', id => {
    const expected = Object.keys(rules)
      .filter(name => ruleServesRegulation(rules[name]!, REGULATIONS[id]))
      .map(name => `compliance/${name}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(Object.keys(configs[id].rules ?? {}).sort()).toEqual(expected.sort());
    expect(configs[id].settings).toEqual({ compliance: { regulations: { [id]: true } } });
  });

  it('scope the audit rules: GDPR (breaches only) does not enable endpoint audits or record fields; HIPAA does', () => {
    expect(Object.keys(configs.gdpr.rules ?? {})).not.toContain('compliance/require-endpoint-audit');
    expect(Object.keys(configs.gdpr.rules ?? {})).not.toContain('compliance/audit-event-fields');
    expect(Object.keys(configs.gdpr.rules ?? {})).toContain('compliance/no-sensitive-data-in-logs');
    expect(Object.keys(configs.hipaa.rules ?? {})).toEqual(
      expect.arrayContaining(['compliance/require-endpoint-audit', 'compliance/audit-event-fields']),
    );
    const breach = REGULATIONS.gdpr.controls.find(control => control.id === 'Art. 33')!;
    expect(ruleEnforcesControl({ checks: ['audit'], auditScopes: ['modification'] }, breach)).toBe(false);
    expect(ruleEnforcesControl({ checks: ['audit'] }, breach)).toBe(true);
    expect(ruleEnforcesControl({ checks: ['audit', 'protection'], auditScopes: ['reads'] }, REGULATIONS.gdpr.controls.find(c => c.id === 'Art. 32(1)')!)).toBe(true);
  });

  it('soc2 + pci-dss spread together resolve, through ESLint, to the union of both regulations', async () => {
    const { settings, rules: enabled } = await resolvedSettings(configs.soc2, configs['pci-dss']);
    expect(settings).toEqual({ compliance: { regulations: { soc2: true, 'pci-dss': true } } });
    expect(Object.keys(enabled)).toContain('compliance/exemption-justification');
    const policy = resolvePolicy(settings);
    expect(policy.regulations.map(regulation => regulation.id)).toEqual(['soc2', 'pci-dss']);
    // SOC 2 alone requires no `source`; PCI DSS 10.2.2 requires all six.
    expect(resolvePolicy({ compliance: { regulations: { soc2: true } } }).requiredFields).not.toContain('source');
    expect(policy.requiredFields).toEqual(['actor', 'action', 'timestamp', 'outcome', 'source', 'resource']);
    expect([...policy.auditedMethods]).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE', 'GET']));
    expect(policy.retention.minDays).toBe(365);
    expect([...policy.sensitiveCategories]).toEqual(expect.arrayContaining(['credentials', 'cardData', 'financialAccounts']));
  });

  it('hipaa + gdpr + a user block merge too: user settings deep-merge with the presets', async () => {
    const { settings } = await resolvedSettings(configs.hipaa, configs.gdpr, {
      settings: { compliance: { audit: { providedFields: ['timestamp'] } } },
    });
    const policy = resolvePolicy(settings);
    expect(policy.regulations.map(regulation => regulation.id)).toEqual(['hipaa', 'gdpr']);
    expect(policy.requiredFields).not.toContain('timestamp');
    expect(policy.requiredFields).toContain('actor');
    expect(policy.retention.minDays).toBe(2190);
    expect(policy.retention.mustBeBounded).toBe(true);
  });
});

describe('control citations', () => {
  const known = new Set(REGULATION_IDS.flatMap(id => REGULATIONS[id].controls.map(control => `${REGULATIONS[id].citation} ${control.id}`)));

  it.each(Object.keys(rules))('%s cites only controls that exist, under every regulation', name => {
    const checks = rules[name]!.meta.docs?.checks ?? [];
    const policy = resolvePolicy({ compliance: { regulations: Object.fromEntries(REGULATION_IDS.map(id => [id, true])) } });
    const text = citeControls(policy, { checks });
    expect(text).toMatch(/^ \(.+\)$/u);
    for (const group of text.slice(2, -1).split('; ')) {
      const regulation = REGULATION_IDS.map(id => REGULATIONS[id]).find(r => group.startsWith(`${r.citation} `));
      if (!regulation) {
        expect(group).toBe('OWASP');
        continue;
      }
      for (const id of group.slice(regulation.citation.length + 1).split(', ')) {
        expect(known.has(`${regulation.citation} ${id}`), `${regulation.citation} ${id}`).toBe(true);
      }
    }
  });

  it('formats per regulation, in regulation order', () => {
    const policy = resolvePolicy({ compliance: { regulations: { 'pci-dss': true, soc2: true } } });
    const text = citeControls(policy, { checks: ['audit'], auditScopes: ['failures'] });
    expect(text).toMatch(/^ \(SOC 2 [^;]+; PCI DSS [^;]*10\.2\.1\.4[^;]*; OWASP\)$/u);
    expect(citeControls(resolvePolicy({}), { checks: ['retention'] })).toBe('');
  });
});

describe('bad settings through ESLint', () => {
  async function lintWith(compliance: unknown): Promise<unknown> {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [configs.soc2, { settings: { compliance } }] as ESLint.Options['overrideConfig'],
    });
    return eslint.lintText('// eslint-disable-next-line compliance/exemption-justification\nconst x = 1;\n', { filePath: 'x.js' });
  }

  it('a misspelled key fails the lint, naming the path and the close key', async () => {
    await expect(lintWith({ adit: { calls: ['audit.log'] } })).rejects.toThrow(
      /settings\.compliance\.adit: unknown key; expected one of .*\(did you mean "audit"\?\)/u,
    );
  });

  it('a wrong matcher type fails the lint, naming the indexed path and the expected form', async () => {
    await expect(lintWith({ audit: { calls: ['audit.log', 'sendAudit', 42] } })).rejects.toThrow(
      'settings.compliance.audit.calls[2]: expected a string like "audit.log" or { import, name } or { type, method }, got 42',
    );
  });

  it('an unknown regulation fails the lint, naming the path', async () => {
    await expect(lintWith({ regulations: { pci: true } })).rejects.toThrow(/settings\.compliance\.regulations\.pci: unknown regulation.*"pci-dss"/u);
  });
});
