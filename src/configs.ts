/**
 * The presets, generated from rule metadata and the regulation data — never a hand-kept list.
 *
 * - `recommended`: the rules whose docs say `recommended`, no regulation activated.
 * - `strict`: every rule.
 * - one preset per regulation: every rule enforcing a check that one of the regulation's controls
 *   motivates, and `settings.compliance.regulations.<id>: true`. Flat config deep-merges `settings`,
 *   so spreading several presets activates all their regulations.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { ruleEnforcesControl } from './analysis/controls.js';
import { REGULATIONS } from './regulations/index.js';
import { REGULATION_IDS, type Regulation, type RegulationId } from './regulations/types.js';
import type { ComplianceDocs } from './util/create-rule.js';

export type PresetName = 'recommended' | 'strict' | RegulationId;
export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', ...REGULATION_IDS];

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], ComplianceDocs>;

export interface CompliancePlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<string, AnyRule>>;
}

/** Whether a rule enforces some control of the regulation. */
export function ruleServesRegulation(rule: AnyRule, regulation: Regulation): boolean {
  const docs = rule.meta.docs;
  return docs !== undefined && regulation.controls.some(control => ruleEnforcesControl(docs, control));
}

function ruleEntries(plugin: CompliancePlugin, include: (rule: AnyRule) => boolean): TSESLint.FlatConfig.Rules {
  const entries: TSESLint.FlatConfig.Rules = {};
  for (const name of Object.keys(plugin.rules).sort()) {
    const rule = plugin.rules[name];
    if (rule && include(rule)) entries[`${plugin.meta.namespace}/${name}`] = 'error';
  }
  return entries;
}

export function buildConfigs(plugin: CompliancePlugin): Record<PresetName, TSESLint.FlatConfig.Config> {
  const plugins = { [plugin.meta.namespace]: plugin as unknown as TSESLint.FlatConfig.Plugin };
  const configs: Partial<Record<PresetName, TSESLint.FlatConfig.Config>> = {
    recommended: {
      name: `${plugin.meta.namespace}/recommended`,
      plugins,
      rules: ruleEntries(plugin, rule => rule.meta.docs?.recommended === true),
    },
    strict: {
      name: `${plugin.meta.namespace}/strict`,
      plugins,
      rules: ruleEntries(plugin, () => true),
    },
  };
  for (const id of REGULATION_IDS) {
    const regulation = REGULATIONS[id];
    configs[id] = {
      name: `${plugin.meta.namespace}/${id}`,
      plugins,
      rules: ruleEntries(plugin, rule => ruleServesRegulation(rule, regulation)),
      settings: { compliance: { regulations: { [id]: true } } },
    };
  }
  return configs as Record<PresetName, TSESLint.FlatConfig.Config>;
}
