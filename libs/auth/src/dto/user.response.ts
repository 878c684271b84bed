import { ApiProperty } from '@nestjs/swagger';
import { Role } from '../role.enum';
import type { UserEntity } from '../entities/user.entity';

export class UserResponse {
  id: string;
  email: string;
  name: string;
  @ApiProperty({ enum: Role, isArray: true, enumName: 'Role' })
  roles: Role[];
  /** IANA timezone in which times are shown to this user. */
  timezone: string;
  active: boolean;
  createdAt: Date;

  static from(u: UserEntity): UserResponse {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      roles: u.roles,
      timezone: u.timezone,
      active: u.active,
      createdAt: u.createdAt,
    };
  }
}
