import { randomUUID } from 'node:crypto';
import type { Role, User } from '../domain/user.js';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export type UserPatch = Partial<Pick<User, 'email' | 'name' | 'role' | 'passwordHash' | 'mfaEnabled' | 'lockedUntil'>>;

/**
 * In-memory user store. Production swaps in the Postgres implementation behind the same
 * interface; the routes never see the difference.
 */
class UsersRepository {
  readonly #rows = new Map<string, User>();

  async findById(id: string): Promise<User | undefined> {
    return this.#rows.get(id);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const wanted = email.trim().toLowerCase();
    for (const user of this.#rows.values()) {
      if (user.email === wanted) return user;
    }
    return undefined;
  }

  async list(options: { limit: number; offset: number }): Promise<User[]> {
    return [...this.#rows.values()]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(options.offset, options.offset + options.limit);
  }

  async insert(input: NewUser): Promise<User> {
    const now = new Date();
    const user: User = {
      id: randomUUID(),
      ...input,
      email: input.email.trim().toLowerCase(),
      mfaEnabled: false,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    };
    this.#rows.set(user.id, user);
    return user;
  }

  async update(id: string, patch: UserPatch): Promise<User | undefined> {
    const current = this.#rows.get(id);
    if (!current) return undefined;
    const next: User = { ...current, ...patch, updatedAt: new Date() };
    this.#rows.set(id, next);
    return next;
  }

  async delete(id: string): Promise<boolean> {
    return this.#rows.delete(id);
  }
}

export const usersRepo = new UsersRepository();
