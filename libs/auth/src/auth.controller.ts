import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@app/config';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { AuthService, ttlSeconds } from './auth.service';
import { Authenticated, LoginThrottle, Public } from './decorators/authenticated.decorator';
import { CurrentUser } from './decorators/auth-user.decorator';
import type { AuthUser } from './decorators/auth-user.decorator';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { UpdateMeDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { Role } from './role.enum';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

/** The queue dashboard's session cookie (see dashboardSession). */
export const DASHBOARD_COOKIE = 'scorecards_dashboard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** Exchanges an email and password for a bearer token. */
  @Post('auth/login')
  @Public()
  @LoginThrottle()
  @UseGuards(LocalAuthGuard)
  @HttpCode(200)
  @ApiErrors(400, 401, 429)
  @ApiOkResponse({ type: LoginResponse })
  login(@Body() _dto: LoginDto, @Req() req: { user: UserEntity }): Promise<LoginResponse> {
    return this.auth.issueToken(req.user);
  }

  /**
   * Opens the queue dashboard (/admin/queues) to this browser: the admin's token as an HttpOnly
   * cookie scoped to that path, since a page navigation cannot carry a bearer header.
   */
  @Post('auth/dashboard-session')
  @Authenticated({ roles: [Role.Admin] })
  @HttpCode(204)
  @ApiErrors(401, 403)
  dashboardSession(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const secure = this.config.publicUrl.startsWith('https:') ? '; Secure' : '';
    reply.header('set-cookie', `${DASHBOARD_COOKIE}=${token}; Path=/admin/queues; HttpOnly; SameSite=Strict; Max-Age=${ttlSeconds(this.config.jwtTtl)}${secure}`);
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
}
