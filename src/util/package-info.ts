import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  readonly name: string;
  readonly version: string;
}

/** The plugin's own package.json, found by walking up from this module (works from `src/` and from `dist/src/`). */
function readOwnPackageJson(): PackageJson {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Partial<PackageJson>;
      if (json.name === 'eslint-plugin-compliance' && typeof json.version === 'string') {
        return { name: json.name, version: json.version };
      }
    } catch {
      // no package.json here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return { name: 'eslint-plugin-compliance', version: '0.0.0' };
    dir = parent;
  }
}

export const packageInfo: PackageJson = readOwnPackageJson();
