import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '@app/common';
import { AppConfig } from '@app/config';
import { AuthService } from '../auth.service';
import { Public } from '../decorators/authenticated.decorator';
import { LoginResponse } from '../dto/login.dto';
import { assertSameOriginCall, CSRF_HEADER } from './same-origin';
import { clearedCookies, refreshCookie, refreshTokenFrom, setCookies } from './session-cookies';
import { SessionsService } from './sessions.service';

const CSRF = {
  name: CSRF_HEADER,
  required: true,
  description: 'Any value, e.g. "fetch": proves the call comes from a page of this app',
};

/** The refresh cookie's endpoints: no bearer token, the HttpOnly cookie set at sign-in instead. */
@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  /**
   * Exchanges the refresh cookie for a new access token and a new refresh cookie. The old refresh
   * token is spent: presenting it again ends the whole sign-in (401).
   */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiHeader(CSRF)
  @ApiErrors(401, 403, 429)
  @ApiOkResponse({ type: LoginResponse })
  async refresh(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    assertSameOriginCall(req, this.config.publicUrl);
    try {
      const { user, refresh } = await this.sessions.rotate(refreshTokenFrom(req));
      setCookies(reply, [refreshCookie(refresh.token, refresh.maxAge, this.secure)]);
      return await this.auth.issueToken(user, refresh.familyId);
    } catch (e) {
      // a refused cookie is of no further use: the browser may as well forget it
      setCookies(reply, clearedCookies(this.secure).slice(0, 1));
      throw e;
    }
  }

  /** Signs out: ends the sign-in the refresh cookie belongs to and clears it and the queue dashboard's cookie. */
  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiHeader(CSRF)
  @ApiErrors(403, 429)
  @ApiNoContentResponse({ description: 'Signed out (also when there was nothing to end)' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    assertSameOriginCall(req, this.config.publicUrl);
    await this.sessions.end(refreshTokenFrom(req));
    // the page's access token too, so that a sign-out without the cookie still ends the sign-in
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer ? await this.auth.userFromToken(bearer) : null;
    if (user?.sessionId) await this.sessions.endFamily(user.sessionId);
    setCookies(reply, clearedCookies(this.secure));
  }
}
