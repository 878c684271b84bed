import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ACCESS_TOKEN_ALGORITHMS, AccessTokens } from '../access-tokens';
import type { JwtPayload } from '../auth.service';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { UsersService } from '../users.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    tokens: AccessTokens,
    private readonly users: UsersService,
  ) {
    // the imported key, not the secret string: see AccessTokens
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: tokens.key as unknown as string, algorithms: ACCESS_TOKEN_ALGORITHMS, ignoreExpiration: false });
  }

  /**
   * Re-reads the user so that a deactivation or a role change takes effect at once, and checks that
   * the sign-in is still open, so that signing out ends the access token as well as the refresh token.
   */
  async validate(payload: JwtPayload): Promise<AuthUser | false> {
    const user = await this.users.findSignedIn(payload.sub, payload.sid);
    return user ? { ...user, sessionId: payload.sid } : false;
  }
}
