/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['soc2', '🅢'],
    ['hipaa', '🏥'],
    ['gdpr', '🇪🇺'],
    ['iso27001', '🅘'],
    ['pci-dss', '💳'],
    ['nist-800-53', '🅝'],
  ],
  ruleDocSectionInclude: ['Rule details', 'When not to use it'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'configsOff', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-compliance/eslint-plugin-compliance#presets',
};
