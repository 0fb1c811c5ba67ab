/**
 * The regulation data, one module per regulation (data only), and the defaults taken from
 * `regulations.md`. `src/settings.ts` merges the active ones into a Policy.
 */
import { gdpr } from './gdpr.js';
import { hipaa } from './hipaa.js';
import { iso27001 } from './iso27001.js';
import { nist80053 } from './nist-800-53.js';
import { owasp } from './owasp.js';
import { pciDss } from './pci-dss.js';
import { soc2 } from './soc2.js';
import type { Reference, Regulation, RegulationId } from './types.js';

/** Every regulation, keyed by its id (the preset name). Iterate REGULATION_IDS for a stable order. */
export const REGULATIONS: Readonly<Record<RegulationId, Regulation>> = Object.freeze({
  soc2,
  hipaa,
  gdpr,
  iso27001,
  'pci-dss': pciDss,
  'nist-800-53': nist80053,
});

/** Sources cited besides the regulations; always active, cited by name only. */
export const REFERENCES: readonly Reference[] = Object.freeze([owasp]);

export { gdpr, hipaa, iso27001, nist80053, owasp, pciDss, soc2 };
export * from './defaults.js';
export * from './types.js';
