/**
 * The fixer toolkit every suggestion builds on (one concept per file, like unicorn's `rules/fix/`): names in scope,
 * callee naming, imports (ES modules and CommonJS), indentation and statement insertion.
 */
export { type NamedCallee, type NamingOptions, isPathReachable, nameFirstCallee, nameMatcherCallee } from './callee.js';
export { type AddImportOptions, addImport, type ImportRequest, importedLocalName, type ModuleSystem, type ModuleSystemPolicy, moduleSystemOf } from './imports.js';
export { indentUnit, lineIndent, startsLine, statementGap } from './indent.js';
export { isIdentifierName, isNameFree, nameInScope, resolvesTo, type ScopeOptions, variableAt } from './scope.js';
export { blockIndent, blockText, insertStatementAfter, insertStatementBefore } from './statements.js';
