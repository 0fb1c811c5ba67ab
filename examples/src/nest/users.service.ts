import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { hashPassword } from '../auth/passwords.js';
import { revokeSessionsFor } from '../auth/sessions.js';
import { usersRepo } from '../db/users-repo.js';
import { type PublicUser, type Role, type SessionUser, toPublicUser } from '../domain/user.js';
import { AuditService } from './audit.service.js';
import type { CreateUserDto } from './users.dto.js';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(private readonly auditService: AuditService) {}

  async create(dto: CreateUserDto, actor: SessionUser): Promise<PublicUser> {
    if (await usersRepo.findByEmail(dto.email)) throw new ConflictException('e-mail already registered');
    const user = await usersRepo.insert({
      email: dto.email,
      name: dto.name,
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
    });
    await this.auditService.log({
      event: 'user.created',
      actorId: actor.id,
      resourceType: 'user',
      resourceId: user.id,
      outcome: 'success',
      timestamp: new Date(),
    });
    this.logger.log(`created user ${user.email}`);
    return toPublicUser(user);
  }

  async findOne(id: string): Promise<PublicUser> {
    const user = await usersRepo.findById(id);
    if (!user) throw new NotFoundException();
    return toPublicUser(user);
  }

  async changeRole(id: string, role: Role): Promise<PublicUser> {
    const user = await usersRepo.update(id, { role });
    if (!user) throw new NotFoundException();
    revokeSessionsFor(id);
    this.logger.log(`role of ${id} changed to ${role}`);
    return toPublicUser(user);
  }

  async remove(id: string, actor: SessionUser): Promise<void> {
    if (!(await usersRepo.delete(id))) throw new NotFoundException();
    revokeSessionsFor(id);
    try {
      await this.auditService.log({
        event: 'user.deleted',
        actorId: actor.id,
        resourceType: 'user',
        resourceId: id,
        outcome: 'success',
        timestamp: new Date(),
      });
    } catch {
      // the user is already gone; a failed audit write must not turn this into a 500
    }
  }
}
