import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { AuthService } from './auth.service';
import { Authenticated, LoginThrottle, Public } from './decorators/authenticated.decorator';
import { CurrentUser } from './decorators/auth-user.decorator';
import type { AuthUser } from './decorators/auth-user.decorator';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { UserResponse } from './dto/user.response';
import { LocalAuthGuard } from './guards/local-auth.guard';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
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

  /** The signed-in user. */
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }
}
