/** Retention bounds of several regulations merged into one: the strictest wins, and a crossing is named. */
import type { ResolvedRetention } from '../policy.js';
import type { RetentionBounds } from '../regulations/index.js';

/** Merges retention bounds: the largest minimum, the smallest maximum, and a `conflict` sentence when they cross. */
export function mergeRetention(bounds: ReadonlyArray<{ readonly regulation: string } & RetentionBounds>): ResolvedRetention {
  let min: { days: number; by: string[] } | undefined;
  let max: { days: number; by: string[] } | undefined;
  let mustBeSet = false;
  let mustBeBounded = false;
  for (const bound of bounds) {
    mustBeSet ||= bound.mustBeSet;
    mustBeBounded ||= bound.mustBeBounded;
    if (bound.minDays !== undefined) {
      if (!min || bound.minDays > min.days) min = { days: bound.minDays, by: [bound.regulation] };
      else if (bound.minDays === min.days) min.by.push(bound.regulation);
    }
    if (bound.maxDays !== undefined) {
      if (!max || bound.maxDays < max.days) max = { days: bound.maxDays, by: [bound.regulation] };
      else if (bound.maxDays === max.days) max.by.push(bound.regulation);
    }
  }
  const result: { -readonly [K in keyof ResolvedRetention]: ResolvedRetention[K] } = { mustBeSet, mustBeBounded };
  if (min) result.minDays = min.days;
  if (max) result.maxDays = max.days;
  if (min && max && min.days > max.days) {
    result.conflict =
      `${listNames(min.by)} ${min.by.length > 1 ? 'require' : 'requires'} keeping audit logs at least ${min.days} days, ` +
      `but ${listNames(max.by)} ${max.by.length > 1 ? 'allow' : 'allows'} at most ${max.days} days`;
  }
  return Object.freeze(result);
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
