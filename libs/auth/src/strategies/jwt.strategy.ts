import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@app/config';
import type { JwtPayload } from '../auth.service';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { SessionsService } from '../sessions/sessions.service';
import { UsersService } from '../users.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.jwtSecret, ignoreExpiration: false });
  }

  /**
   * Re-reads the user so that a deactivation or a role change takes effect at once, and checks that
   * the sign-in is still open, so that signing out ends the access token as well as the refresh token.
   */
  async validate(payload: JwtPayload): Promise<AuthUser | false> {
    const [user, live] = await Promise.all([this.users.findActiveById(payload.sub), this.sessions.isLive(payload.sid)]);
    if (!user || !live) return false;
    return { id: user.id, email: user.email, name: user.name, roles: user.roles, timezone: user.timezone, sessionId: payload.sid };
  }
}
