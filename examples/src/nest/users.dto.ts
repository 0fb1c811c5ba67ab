import type { Role } from '../domain/user.js';

export class CreateUserDto {
  email!: string;
  name!: string;
  role!: Role;
  password!: string;
}

export class ChangeRoleDto {
  role!: Role;
}
