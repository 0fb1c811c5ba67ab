export const ROLES = ['member', 'clinician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  mfaEnabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the API returns for a user: never the password hash. */
export type PublicUser = Omit<User, 'passwordHash'>;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

/** The authenticated principal attached to a request. */
export interface SessionUser {
  id: string;
  role: Role;
  sessionId: string;
}
