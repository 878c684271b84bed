import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageQueryDto } from '@app/common';
import { Authenticated } from './decorators/authenticated.decorator';
import { CreateUserDto } from './dto/create-user.dto';
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
  @ApiErrors(400, 401, 403, 409)
  create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(dto);
  }

  /** Lists users by email, a page at a time (admin only). */
  @Get()
  list(@Query() q: PageQueryDto): Promise<UserPage> {
    return this.users.list(q.limit ?? 20, q.cursor);
  }

  @Get(':id')
  @ApiErrors(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }
}
