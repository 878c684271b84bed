import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Idempotent } from '@app/idempotency';
import { CurrentUser } from '../decorators/auth-user.decorator';
import type { AuthUser } from '../decorators/auth-user.decorator';
import { Authenticated } from '../decorators/authenticated.decorator';
import { Role } from '../role.enum';
import { ApiKeyPage, ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse, ListApiKeysQueryDto } from './api-key.dto';
import { ApiKeysService } from './api-keys.service';

/** Admin only, and never open to API keys: a key cannot mint or revoke keys. */
@ApiTags('api-keys')
@Controller('api-keys')
@Authenticated({ roles: [Role.Admin] })
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  /** Creates a key; the answer carries its secret, shown this once. */
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiErrors(400, 401, 403)
  create(@CurrentUser() admin: AuthUser, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.keys.create(admin, dto);
  }

  /** Keys, newest first, with their last use; never their secrets. */
  @Get()
  @ApiErrors(400, 401, 403)
  list(@Query() q: ListApiKeysQueryDto): Promise<ApiKeyPage> {
    return this.keys.list(q);
  }

  /** Revokes a key; requests with it are refused (401) from now on. */
  @Post(':id/revoke')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiErrors(400, 401, 403, 404)
  revoke(@CurrentUser() admin: AuthUser, @Param('id') id: string): Promise<ApiKeyResponse> {
    return this.keys.revoke(admin, id);
  }
}
