import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { buildConfigs, type PresetName } from './configs.js';
import { registerRules } from './rule-registry.js';
import { packageInfo } from './util/package-info.js';

const plugin = {
  meta: { name: packageInfo.name, version: packageInfo.version, namespace: 'compliance' },
  rules,
  configs: {} as Record<PresetName, TSESLint.FlatConfig.Config>,
};
Object.assign(plugin.configs, buildConfigs(plugin));
registerRules(rules);

export type { Policy } from './policy.js';
export type { PresetName } from './configs.js';
export type { RegulationId, AuditField, SensitiveCategory } from './regulations/types.js';
export { rules };
export const configs = plugin.configs;
export default plugin;
