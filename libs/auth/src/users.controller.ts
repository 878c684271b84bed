import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Idempotent } from '@app/idempotency';
import { CurrentUser } from './decorators/auth-user.decorator';
import type { AuthUser } from './decorators/auth-user.decorator';
import { Authenticated } from './decorators/authenticated.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto, UpdateUserDto } from './dto/update-user.dto';
import { UserPage } from './dto/user-page.response';
import { UserResponse } from './dto/user.response';
import { Role } from './role.enum';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Authenticated({ roles: [Role.Admin] })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates a user (admin only). The email must be unused. */
  @Post()
  @Idempotent()
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(dto);
  }

  /** Lists users by email, a page at a time (admin only); `q` keeps those whose name or email has every word. */
  @Get()
  @ApiErrors(400, 401, 403)
  list(@Query() q: ListUsersQueryDto): Promise<UserPage> {
    return this.users.list(q.limit ?? 20, q.cursor, q.q);
  }

  @Get(':id')
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id') id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  /**
   * Changes a user's name, roles, timezone, or deactivates / reactivates them (admin only). New
   * roles or a deactivation end the user's sign-ins at once (tokens and refresh cookies); both are
   * in the audit trail. Admins cannot deactivate themselves or drop their own admin role (400).
   */
  @Patch(':id')
  @ApiErrors(400, 401, 403, 404)
  update(@CurrentUser() actor: AuthUser, @Param('id') id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(actor, id, dto);
  }
}
