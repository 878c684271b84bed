import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/config';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Idempotent } from '@app/idempotency';
import { AuthService, ttlSeconds } from './auth.service';
import { DemoLoginsService } from './demo/demo-logins.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { DemoLoginsResponse } from './dto/demo-logins.response';
import { dashboardCookie, refreshCookie, setCookies } from './sessions/session-cookies';
import { SessionsService } from './sessions/sessions.service';
import { Authenticated, LoginThrottle, Public } from './decorators/authenticated.decorator';
import { CurrentUser } from './decorators/auth-user.decorator';
import type { AuthUser } from './decorators/auth-user.decorator';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { UpdateMeDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { Role } from './role.enum';
import { UserEntity } from './entities/user.entity';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
    private readonly demo: DemoLoginsService,
  ) {}

  private get secure(): boolean {
    return this.config.publicUrl.startsWith('https:');
  }

  /**
   * Exchanges an email and password for a short-lived bearer token, and sets the refresh cookie
   * (HttpOnly, SameSite=Strict, Path=/api/v1/auth) that POST /auth/refresh exchanges for the next one.
   */
  @Post('auth/login')
  @Public()
  @LoginThrottle()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiErrors(400, 401, 403, 429)
  @ApiOkResponse({ type: LoginResponse })
  async login(
    @Body() _dto: LoginDto,
    @Req() req: { user: UserEntity },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const refresh = await this.sessions.start(req.user);
    setCookies(reply, [refreshCookie(refresh.token, refresh.maxAge, this.secure)]);
    return this.auth.issueToken(req.user, refresh.familyId);
  }

  /** Whether the demo data is loaded and, if so, who to sign in as: the sign-in page offers them. Never in production. */
  @Get('auth/demo-logins')
  @Public()
  @ApiOkResponse({ type: DemoLoginsResponse })
  demoLogins(): DemoLoginsResponse {
    return this.demo.get();
  }

  /**
   * Opens the queue dashboard (/admin/queues) to this browser: the admin's token as an HttpOnly
   * cookie scoped to that path, since a page navigation cannot carry a bearer header.
   */
  @Post('auth/dashboard-session')
  @Idempotent()
  @Authenticated({ roles: [Role.Admin] })
  @HttpCode(204)
  @ApiErrors(401, 403)
  dashboardSession(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    setCookies(reply, [dashboardCookie(token, ttlSeconds(this.config.jwtTtl), this.secure)]);
  }

  /** The signed-in user. */
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }

  /** Changes your own name or timezone (times are shown to you in it). */
  @Patch('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, 401)
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto): Promise<UserResponse> {
    return this.users.updateMe(user, dto);
  }

  /** Changes your own password (the current one is required); your other sign-ins end. */
  @Post('me/password')
  @Idempotent()
  @Authenticated()
  @HttpCode(204)
  @ApiErrors(400, 401)
  @ApiNoContentResponse({ description: 'Changed; every other sign-in has ended' })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }
}
