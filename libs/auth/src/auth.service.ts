import { ForbiddenException, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
// the file, not the index: the audit lib's controller imports @app/auth, and the cycle would leave this undefined
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { fieldError } from '@app/common';
import type { AuthUser } from './decorators/auth-user.decorator';
import { LoginResponse } from './dto/login.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { UserResponse } from './dto/user.response';
import { isKnownDefaultPassword } from './password-policy';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions/sessions.service';
import { ttlSeconds } from './ttl';
import { UserEntity } from './entities/user.entity';
import { UserRepository } from './user.repository';

export { ttlSeconds } from './ttl';

export interface JwtPayload {
  sub: string;
  email: string;
  roles: string[];
  /** The sign-in (refresh-token family) the token belongs to; signing out ends its access tokens too. */
  sid?: string;
}

/** The entity id failed sign-ins of an unknown email are recorded under. */
export const UNKNOWN_USER_ID = '00000000-0000-0000-0000-000000000000';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The same answer for an unknown email, a wrong password and a deactivated user; failures go to the audit trail. */
  async validateCredentials(email: string, password: string): Promise<UserEntity | null> {
    this.assertPasswordLoginAllowed(email);
    const user = await this.users.findByEmail(email);
    const ok = await this.passwords.verify(user?.passwordHash, password);
    if (ok && user?.active) return user;
    // never the password; the email only when it names nobody (a known user is the entity itself)
    const reason = !user ? 'unknown_email' : ok ? 'inactive' : 'wrong_password';
    await this.audit.record(
      null,
      'user',
      user?.id ?? UNKNOWN_USER_ID,
      'login_failed',
      user ? { reason } : { reason, email: email.slice(0, 254) },
    );
    return null;
  }

  /**
   * With PASSWORD_LOGIN=false only the break-glass admin signs in with a password: the one way in
   * when the identity provider is down. Decided before any lookup, so the answer says nothing about
   * whether the email has an account.
   */
  private assertPasswordLoginAllowed(email: string): void {
    if (this.config.passwordLogin || email.trim().toLowerCase() === this.config.breakGlassEmail) return;
    const provider = this.config.oidc?.providerName ?? 'single sign-on';
    throw new ForbiddenException(`Password sign-in is turned off: use "Sign in with ${provider}"`);
  }

  /** For the places outside Nest's guards (the queue dashboard): the active user a token names, or null. */
  async userFromToken(token: string): Promise<AuthUser | null> {
    const payload = await this.jwt.verifyAsync<JwtPayload>(token).catch(() => null);
    const found = payload?.sub ? await this.users.findById(payload.sub) : null;
    const user = found?.active && (await this.sessions.isLive(payload?.sid)) ? found : null;
    return user
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles,
          timezone: user.timezone,
          sessionId: payload?.sid,
        }
      : null;
  }

  async issueToken(user: UserEntity, sessionId: string): Promise<LoginResponse> {
    const payload: JwtPayload = { sub: user.id, email: user.email, roles: user.roles, sid: sessionId };
    const expiresIn = ttlSeconds(this.config.jwtTtl);
    const accessToken = await this.jwt.signAsync(payload, { expiresIn });
    return { accessToken, tokenType: 'Bearer', expiresIn, user: UserResponse.from(user) };
  }

  /**
   * Changes one's own password after checking the current one; every other sign-in of the user
   * ends (a changed password is how people lock out whoever learnt the old one).
   */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findById(actor.id);
    if (!user || !(await this.passwords.verify(user.passwordHash, dto.currentPassword))) {
      throw fieldError('currentPassword', 'The current password is not right');
    }
    if (dto.newPassword === dto.currentPassword)
      throw fieldError('newPassword', 'The new password must differ from the current one');
    if (isKnownDefaultPassword(dto.newPassword))
      throw fieldError('newPassword', 'This password is published or too common; choose another');
    await this.users.updatePasswordHash(user.id, await this.passwords.hash(dto.newPassword));
    const ended = await this.sessions.revokeUser(user.id, actor.sessionId);
    await this.audit.record(actor.id, 'user', user.id, 'password_changed', { otherSessionsEnded: ended });
  }
}
