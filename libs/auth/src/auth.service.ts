import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import type { AuthUser } from './decorators/auth-user.decorator';
import { LoginResponse } from './dto/login.dto';
import { UserResponse } from './dto/user.response';
import { PasswordService } from './password.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface JwtPayload {
  sub: string;
  email: string;
  roles: string[];
}

export function ttlSeconds(ttl: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!m) return 3600;
  const n = Number(m[1]);
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** The same answer for an unknown email, a wrong password and a deactivated user. */
  async validateCredentials(email: string, password: string): Promise<UserEntity | null> {
    const user = await this.users.findByEmail(email);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    return ok && user?.active ? user : null;
  }

  /** For the places outside Nest's guards (the queue dashboard): the active user a token names, or null. */
  async userFromToken(token: string): Promise<AuthUser | null> {
    const payload = await this.jwt.verifyAsync<JwtPayload>(token).catch(() => null);
    const found = payload?.sub ? await this.users.findById(payload.sub) : null;
    const user = found?.active ? found : null;
    return user ? { id: user.id, email: user.email, name: user.name, roles: user.roles, timezone: user.timezone } : null;
  }

  async issueToken(user: UserEntity): Promise<LoginResponse> {
    const payload: JwtPayload = { sub: user.id, email: user.email, roles: user.roles };
    const expiresIn = ttlSeconds(this.config.jwtTtl);
    const accessToken = await this.jwt.signAsync(payload, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn, user: UserResponse.from(user) };
  }
}
