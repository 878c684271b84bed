import { Controller, Get, Redirect, Req, Res } from '@nestjs/common';
import { ApiErrors } from '@app/common';
import { ApiFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../decorators/authenticated.decorator';
import { setCookies } from '../sessions/session-cookies';
import { SsoConfigResponse } from './dto/sso-config.response';
import { SsoService } from './sso.service';
import type { SsoRedirect } from './sso.service';

/** Single sign-on through the company's OpenID Connect provider: browser navigations, not API calls. */
@ApiTags('auth')
@Controller('auth/sso')
export class SsoController {
  constructor(private readonly sso: SsoService) {}

  /** Whether single sign-on is on, the provider's name, and whether password sign-in is offered. */
  @Get()
  @Public()
  @ApiErrors(429)
  @ApiOkResponse({ type: SsoConfigResponse })
  config(): SsoConfigResponse {
    return this.sso.publicConfig();
  }

  /** Sends the browser to the provider (authorization code flow with PKCE, state and nonce). */
  @Get('start')
  @Public()
  @ApiErrors(429)
  @Redirect()
  @ApiFoundResponse({ description: "To the provider's sign-in, or to /sign-in?sso_error=<code>" })
  async start(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ url: string; statusCode: number }> {
    return redirect(reply, await this.sso.start());
  }

  /** Where the provider sends the browser back: verifies, opens a session and lands on the web page. */
  @Get('callback')
  @Public()
  @ApiErrors(429)
  @Redirect()
  @ApiFoundResponse({ description: 'To the web page, signed in, or to /sign-in?sso_error=<code>' })
  async callback(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    return redirect(reply, await this.sso.callback(req));
  }
}

/** Nest's @Redirect() takes the target from the return value; the cookies go on the reply. */
function redirect(reply: FastifyReply, next: SsoRedirect): { url: string; statusCode: number } {
  setCookies(reply, next.cookies);
  return { url: next.url, statusCode: 302 };
}
