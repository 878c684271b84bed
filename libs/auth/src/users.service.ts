import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
// the file, not the index: the audit lib's controller imports @app/auth, and the cycle would leave this undefined
import { AuditService } from '@app/audit';
import type { Page } from '@app/common';
import { encodeCursor, readCursor } from '@app/common';
import type { AuthUser } from './decorators/auth-user.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateMeDto, UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { PasswordService } from './password.service';
import { Role } from './role.enum';
import { SessionsService } from './sessions/sessions.service';
import { UserEntity } from './entities/user.entity';
import { UserRepository } from './user.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateUserDto): Promise<UserResponse> {
    const user = await this.users.insertIfAbsent({
      email: dto.email.toLowerCase(),
      name: dto.name,
      passwordHash: await this.passwords.hash(dto.password),
      roles: dto.roles,
      timezone: dto.timezone ?? 'UTC',
      active: true,
    });
    if (!user) throw new ConflictException(`A user with email ${dto.email} already exists`);
    return UserResponse.from(user);
  }

  /** Creates the user unless the email exists; used for the first admin and the demo users. */
  async ensure(email: string, name: string, password: string, roles: Role[], timezone = 'UTC'): Promise<UserEntity> {
    const existing = await this.users.findByEmail(email);
    if (existing) return existing;
    const created = await this.users.insertIfAbsent({
      email: email.toLowerCase(),
      name,
      passwordHash: await this.passwords.hash(password),
      roles,
      timezone,
      active: true,
    });
    return created ?? (await this.users.findByEmail(email))!;
  }

  /** The active user a token names, while its sign-in is open; null otherwise. */
  findSignedIn(id: string, sessionId: string | undefined): Promise<AuthUser | null> {
    return this.users.findSignedIn(id, sessionId);
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id).then((u) => (u?.active ? u : null));
  }

  /** The user as the guard would load it, for work done on a user's behalf (demo data, jobs). */
  async findActiveByEmail(email: string): Promise<AuthUser | null> {
    const u = await this.users.findByEmail(email);
    return u?.active ? { id: u.id, email: u.email, name: u.name, roles: u.roles, timezone: u.timezone } : null;
  }

  async get(id: string): Promise<UserResponse> {
    const u = await this.users.findById(id);
    if (!u) throw new NotFoundException(`User ${id} not found`);
    return UserResponse.from(u);
  }

  async findManyByIds(ids: string[]): Promise<UserResponse[]> {
    return (await this.users.findByIds([...new Set(ids)])).map((u) => UserResponse.from(u));
  }

  /** Active users with a role, a page at a time by name. */
  /** The ids of every user listByRole gives for a role, page by page (notices to all recruiters). */
  async idsByRole(role: Role): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listByRole(role, { limit: 200, cursor });
      ids.push(...page.items.map((u) => u.id));
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  async listByRole(
    role: Role,
    f: { limit: number; cursor?: string; onlyIds?: string[]; excludeIds?: string[]; q?: string },
  ): Promise<Page<UserResponse>> {
    const after = readCursor(f.cursor, ['text', 'uuid']);
    const rows = await this.users.listByRole(role, {
      limit: f.limit + 1,
      after: after && { name: after[0], id: after[1] },
      onlyIds: f.onlyIds,
      excludeIds: f.excludeIds,
      words: (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10),
    });
    const items = rows.slice(0, f.limit).map((u) => UserResponse.from(u));
    const last = items[items.length - 1];
    return {
      items,
      page: { limit: f.limit, nextCursor: rows.length > f.limit && last ? encodeCursor([last.name, last.id]) : null },
    };
  }

  async updateTimezone(id: string, timezone: string): Promise<void> {
    await this.users.updateTimezone(id, timezone);
  }

  /**
   * An admin changes a user's name, roles, timezone or active flag. Admins cannot lock themselves
   * out: they may neither deactivate themselves nor drop their own admin role.
   */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const before = await this.users.findById(id);
    if (!before) throw new NotFoundException(`User ${id} not found`);
    if (actor.id === id && dto.active === false)
      throw selfLockout('active', 'you cannot deactivate your own account; ask another admin');
    if (actor.id === id && dto.roles && !dto.roles.includes(Role.Admin))
      throw selfLockout('roles', 'you cannot remove your own admin role; ask another admin');
    const { name, roles, timezone, active } = dto;
    const changes = Object.fromEntries(
      Object.entries({ name, roles, timezone, active }).filter(([, v]) => v !== undefined),
    );
    const after = (await this.users.update(id, changes))!;
    await this.auditAccessChange(actor, before, after);
    return UserResponse.from(after);
  }

  /**
   * New roles or a deactivation end the user's sign-ins (they sign in again under the new rules)
   * and go to the audit trail; a name or timezone change does neither.
   */
  private async auditAccessChange(actor: AuthUser, before: UserEntity, after: UserEntity): Promise<void> {
    const rolesChanged = [...before.roles].sort().join() !== [...after.roles].sort().join();
    const activeChanged = before.active !== after.active;
    if (!rolesChanged && !activeChanged) return;
    // an admin changing their own roles keeps the sign-in they are doing it from
    const keep = actor.id === after.id ? actor.sessionId : undefined;
    const ended = rolesChanged || !after.active ? await this.sessions.revokeUser(after.id, keep) : 0;
    if (rolesChanged)
      await this.audit.record(actor.id, 'user', after.id, 'roles_changed', {
        from: before.roles,
        to: after.roles,
        sessionsEnded: ended,
      });
    if (activeChanged)
      await this.audit.record(actor.id, 'user', after.id, after.active ? 'reactivated' : 'deactivated', {
        sessionsEnded: rolesChanged ? 0 : ended,
      });
  }

  /** A user changes their own name or timezone. */
  async updateMe(actor: AuthUser, dto: UpdateMeDto): Promise<UserResponse> {
    const { name, timezone } = dto;
    const changes = Object.fromEntries(Object.entries({ name, timezone }).filter(([, v]) => v !== undefined));
    const user = await this.users.update(actor.id, changes);
    if (!user) throw new NotFoundException(`User ${actor.id} not found`);
    return UserResponse.from(user);
  }

  /** Users by email, a page at a time; optionally only those whose name or email has every word. */
  async list(limit: number, cursor?: string, q?: string): Promise<Page<UserResponse>> {
    const after = readCursor(cursor, ['text']);
    const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
    const rows = await this.users.listPage(limit + 1, after && { email: after[0] }, words);
    const items = rows.slice(0, limit).map((u) => UserResponse.from(u));
    const nextCursor = rows.length > limit ? encodeCursor([items[items.length - 1].email]) : null;
    return { items, page: { limit, nextCursor } };
  }
}

/** A 400 naming the field, in the shape of a validation error, so that forms show it beside the field. */
function selfLockout(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: [{ field, messages: [message] }] });
}
