/** The per-file sensitive-data state and its free functions, untyped and typed; the walker shared per program. */
import { describe, expect, it } from 'vitest';
import {
  classifyNodeName,
  classifyType,
  createSensitiveDataState,
  safeProperties,
  sensitivePaths,
} from '../../../src/analysis/sensitive-data/state.js';
import { finish, pickableProperties, walk, walkerFor } from '../../../src/analysis/sensitive-data/type-walk.js';
import { displayName, originOf } from '../../../src/analysis/sensitive-data/type-facts.js';
import { getTypeServices } from '../../../src/analysis/types/services.js';
import { getPolicy } from '../../../src/settings.js';
import { lintProbe } from '../flow/lint-probe.js';

const SETTINGS = { compliance: { regulations: { soc2: true, gdpr: true } } };

const TYPED = `
  import type { User, Order, Tree, Level1 } from './models.js';
  declare const user: User, order: Order, tree: Tree, users: User[], deep: Level1, date: Date;
  probe(user); probe(order); probe(tree); probe(users); probe(deep); probe(date);
`;

describe('sensitive-data state', () => {
  it('untyped: names classify, types say nothing', () => {
    const answers = lintProbe(
      `declare const user: any; probe(user.password); probe(user.passwordHint); probe(user);`,
      (context, args) => {
        const state = createSensitiveDataState(context, getPolicy(context));
        return args.map(arg => [classifyNodeName(state, arg)?.category ?? '-', classifyType(state, arg)?.category ?? '-', sensitivePaths(state, arg).length, safeProperties(state, arg)?.join(',') ?? '-'].join(' '));
      },
      { settings: SETTINGS },
    );
    expect(answers).toEqual(['credentials - 0 -', '- - 0 -', '- - 0 -']);
  });

  it('typed: paths of a type, shallowest first, and the fields a pick keeps (only when asked)', () => {
    const answers = lintProbe(
      TYPED,
      (context, args) => {
        const state = createSensitiveDataState(context, getPolicy(context));
        const before = args.map(arg => sensitivePaths(state, arg).map(match => (match.path ?? []).join('.')).join(','));
        const safe = safeProperties(state, args[0]!);
        return { before, safe, again: safeProperties(state, args[0]!) === safe, arraySafe: safeProperties(state, args[3]!) };
      },
      { typed: true, settings: SETTINGS },
    );
    expect(answers.before).toEqual(['passwordHash', '', '', '*.passwordHash', '', '']);
    expect(answers.safe).toEqual(['id', 'displayName', 'lastLoginAt']);
    expect(answers.again).toBe(true);
    expect(answers.arraySafe).toBeUndefined();
  });

  it('typed: the depth bound cuts deep paths (depth 3 does not reach next.next.next.password; 4 does)', () => {
    const paths = lintProbe(
      TYPED,
      (context, args) =>
        [3, 4].map(depth => sensitivePaths(createSensitiveDataState(context, getPolicy(context), depth), args[4]!).map(match => match.path?.join('.'))),
      { typed: true, settings: SETTINGS },
    );
    expect(paths).toEqual([[], ['next.next.next.password']]);
  });
});

describe('type walk', () => {
  it('one walker per program and policy; each type walked once (the cached answer is returned)', () => {
    const answers = lintProbe(
      TYPED,
      (context, args) => {
        const services = getTypeServices(context)!;
        const policy = getPolicy(context);
        const walker = walkerFor(services, policy);
        const type = services.typeOf(args[0]!)!;
        const first = walk(walker, type, 3);
        const recursive = walk(walker, services.typeOf(args[2]!)!, 3);
        return {
          shared: walkerFor(services, policy) === walker,
          cached: walk(walker, type, 3) === first,
          recursive: recursive.length,
          origin: [originOf(walker, type.getSymbol()), originOf(walker, services.typeOf(args[5]!)!.getSymbol())],
          names: [displayName(walker, type), displayName(walker, services.typeOf(args[3]!)!)],
          pickArray: pickableProperties(walker, services.typeOf(args[3]!)!),
          pickUser: pickableProperties(walker, type)?.map(([symbol]) => symbol.getName()),
        };
      },
      { typed: true, settings: SETTINGS },
    );
    expect(answers).toEqual({
      shared: true,
      cached: true,
      recursive: 0,
      origin: ['user', 'lib'],
      names: ['User', 'User[]'],
      pickArray: undefined,
      pickUser: ['id', 'displayName', 'passwordHash', 'lastLoginAt'],
    });
  });

  it('finish: frozen, the last named segment as name, no empty path', () => {
    const nested = finish({ category: 'credentials', name: 'User', via: 'type', typeName: 'User', path: ['*', 'passwordHash', '*'] });
    expect(nested).toEqual({ category: 'credentials', name: 'passwordHash', via: 'type', typeName: 'User', path: ['*', 'passwordHash', '*'] });
    expect(Object.isFrozen(nested)).toBe(true);
    expect(finish({ category: 'tagged', name: 'Secret', via: 'brand', path: [] })).toEqual({ category: 'tagged', name: 'Secret', via: 'brand' });
  });
});
