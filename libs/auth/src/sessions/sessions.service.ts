import { randomUUID } from 'node:crypto';
import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '@app/config';
// the file, not the index: the audit lib's controller imports @app/auth, and the cycle would leave this undefined
import { AuditService } from '@app/audit';
import { ttlSeconds } from '../ttl';
import { UserEntity } from '../entities/user.entity';
import { UserRepository } from '../user.repository';
import { RefreshTokenRepository } from './refresh-token.repository';
import { hashToken, newRefreshToken } from './session-cookies';

export const SIGN_IN_AGAIN = 'Your session has ended; sign in again';

export interface IssuedRefresh {
  token: string;
  familyId: string;
  maxAge: number;
}

/**
 * Refresh tokens: one family per sign-in, rotated on every use. A token presented after it was
 * rotated has been copied (by an attacker, or the owner's copy was stolen), and nobody can tell
 * which holder is which, so the whole family is revoked and both must sign in again.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly tokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Opens a new family for a sign-in with a password. */
  async start(user: UserEntity): Promise<IssuedRefresh> {
    const issued = this.next(randomUUID());
    await this.tokens.deleteExpired(user.id); // each sign-in tidies up after the user's earlier ones
    await this.tokens.insert({
      tokenHash: hashToken(issued.token),
      familyId: issued.familyId,
      userId: user.id,
      expiresAt: this.expiry(),
    });
    return issued;
  }

  /** Exchanges a live refresh token for the next one of its family, and the user it belongs to. */
  async rotate(presented: string | null): Promise<{ user: UserEntity; refresh: IssuedRefresh }> {
    if (!presented) throw new UnauthorizedException(SIGN_IN_AGAIN);
    const tokenHash = hashToken(presented);
    const rotated = await this.tokens.transaction(async (tokens) => {
      const claimed = await tokens.claim(tokenHash);
      if (!claimed) return null;
      const issued = this.next(claimed.familyId);
      await tokens.insert({
        tokenHash: hashToken(issued.token),
        familyId: claimed.familyId,
        userId: claimed.userId,
        expiresAt: this.expiry(),
      });
      return { userId: claimed.userId, issued };
    });
    if (!rotated) {
      await this.refuseStale(tokenHash);
      throw new UnauthorizedException(SIGN_IN_AGAIN);
    }
    const user = await this.users.findById(rotated.userId);
    if (!user?.active) {
      await this.tokens.revokeFamily(rotated.issued.familyId);
      throw new UnauthorizedException(SIGN_IN_AGAIN);
    }
    return { user, refresh: rotated.issued };
  }

  /** Sign-out: revokes the family of the presented token, if it names one. */
  async end(presented: string | null): Promise<void> {
    const found = presented ? await this.tokens.findByHash(hashToken(presented)) : null;
    if (found) await this.tokens.revokeFamily(found.familyId);
  }

  async endFamily(familyId: string): Promise<void> {
    await this.tokens.revokeFamily(familyId);
  }

  /** Ends every sign-in of a user (deactivation, new roles), or all but one (password change). */
  revokeUser(userId: string, exceptFamilyId?: string): Promise<number> {
    return this.tokens.revokeUser(userId, exceptFamilyId);
  }

  /** Whether the sign-in an access token belongs to is still open (tokens without one predate sessions). */
  isLive(familyId: string | undefined): Promise<boolean> {
    return familyId ? this.tokens.familyLive(familyId) : Promise.resolve(true);
  }

  /** A token that did not rotate: reuse of a rotated one revokes its family and is audited. */
  private async refuseStale(tokenHash: string): Promise<void> {
    const known = await this.tokens.findByHash(tokenHash);
    if (!known?.rotatedAt) return;
    const revoked = await this.tokens.revokeFamily(known.familyId);
    this.logger.warn(`refresh token reuse for user ${known.userId}: family ${known.familyId} revoked`);
    await this.audit.record(null, 'user', known.userId, 'refresh_token_reused', {
      familyId: known.familyId,
      revokedTokens: revoked,
    });
  }

  private next(familyId: string): IssuedRefresh {
    return { token: newRefreshToken(), familyId, maxAge: ttlSeconds(this.config.refreshTtl) };
  }

  private expiry(): Date {
    return new Date(Date.now() + ttlSeconds(this.config.refreshTtl) * 1000);
  }
}
