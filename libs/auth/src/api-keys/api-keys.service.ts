import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { fieldError, nextCursor, readCursor } from '@app/common';
import { assertVisible } from '../access/access-policy';
import type { ApiKeyPrincipal, AuthUser } from '../decorators/auth-user.decorator';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { API_KEY_PREFIX, hashApiKeySecret, newApiKeySecret } from './api-key-secret';
import type {
  ApiKeyPage,
  ApiKeyResponse,
  CreateApiKeyDto,
  CreatedApiKeyResponse,
  ListApiKeysQueryDto,
} from './api-key.dto';

/** Admin-managed keys for integrations (an ATS): created with a secret shown once, listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly audit: AuditService,
  ) {}

  async create(admin: AuthUser, dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const expiresAt = dto.expiresAt === undefined ? null : new Date(dto.expiresAt);
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw fieldError('expiresAt', 'expiresAt must be in the future');
    const secret = newApiKeySecret();
    const key = await this.repo.insert({
      name: dto.name,
      scopes: [...dto.scopes].sort(),
      secretHash: hashApiKeySecret(secret),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 4),
      last4: secret.slice(-4),
      createdById: admin.id,
      expiresAt,
    });
    await this.audit.record(admin.id, 'api_key', key.id, 'created', { name: key.name, scopes: key.scopes, expiresAt });
    return { apiKey: toResponse(key), secret };
  }

  async list(q: ListApiKeysQueryDto): Promise<ApiKeyPage> {
    const limit = q.limit ?? 20;
    const rows = await this.repo.list(limit + 1, readCursor(q.cursor, ['instant', 'uuid']));
    return {
      items: rows.slice(0, limit).map((r) => toResponse(r.key)),
      page: { limit, nextCursor: nextCursor(rows, limit, (r) => r.cursor) },
    };
  }

  /** Revokes at once: the guard reads the key on every request. Revoking a revoked key changes nothing. */
  async revoke(admin: AuthUser, id: string): Promise<ApiKeyResponse> {
    const before = await this.repo.findById(id);
    assertVisible(before !== null, 'API key', id);
    if (!before!.revokedAt) {
      await this.repo.revoke(id);
      await this.audit.record(admin.id, 'api_key', id, 'revoked', { name: before!.name });
    }
    return toResponse((await this.repo.findById(id))!);
  }

  /** The key a presented secret's hash belongs to, if usable; records its use (at most once a minute). */
  async authenticate(secretHash: string): Promise<ApiKeyPrincipal | null> {
    const key = await this.repo.findUsable(secretHash);
    if (!key) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() >= 60_000) await this.repo.touch(key.id);
    return { id: key.id, name: key.name, scopes: key.scopes };
  }
}

function toResponse(k: ApiKeyEntity): ApiKeyResponse {
  return {
    id: k.id,
    name: k.name,
    scopes: k.scopes,
    prefix: k.prefix,
    last4: k.last4,
    createdById: k.createdById,
    expiresAt: k.expiresAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
    createdAt: k.createdAt,
  };
}
