import { Injectable } from '@nestjs/common';
// the file, not the index: the audit lib's controller imports @app/auth, and the cycle would leave this undefined
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import type { OidcConfig } from '@app/config';
import { UNKNOWN_USER_ID } from '../auth.service';
import { UserEntity } from '../entities/user.entity';
import { ALL_ROLES, Role } from '../role.enum';
import { UserRepository } from '../user.repository';
import { groupsOf, rolesForGroups } from './group-roles';
import type { VerifiedClaims } from './oidc-client.service';
import { SsoRefusal } from './sso-refusal';

/**
 * Stands in for a password hash on accounts made by single sign-on: not an argon2 string, so
 * verifying any password against it fails, and the account can sign in only through the provider.
 */
export const SSO_ONLY_PASSWORD_HASH = '!sso-only';

/** Who a verified ID token is: an existing active user, or a new one for an allowed domain. */
@Injectable()
export class SsoAccountsService {
  constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async resolve(claims: VerifiedClaims): Promise<UserEntity> {
    const oidc = this.config.oidc!;
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // users are matched by email: one the provider says it has NOT verified could be anybody's
    if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254 || claims.email_verified === false) {
      await this.refused(UNKNOWN_USER_ID, 'no_verified_email', { subject: claims.sub });
      throw new SsoRefusal('email', 'the provider did not send a verified email address');
    }
    const mapped = rolesForGroups(groupsOf(claims[oidc.groupsClaim]), oidc.groupRoles, ALL_ROLES) as Role[];
    // the provider's identity first: an account follows its person when the email address changes
    const existing =
      (await this.users.findByOidcIdentity(claims.iss, claims.sub)) ?? (await this.linkable(email, claims));
    const user = existing ? await this.existing(existing, mapped) : await this.created(email, claims, mapped, oidc);
    await this.audit.record(user.id, 'user', user.id, 'sso_login', { subject: claims.sub, issuer: claims.iss });
    return user;
  }

  /**
   * The account of this email, linked to the token's identity at its first single sign-on. One linked
   * to another identity is refused: the address was reassigned at the provider, and the new holder
   * must not inherit the old holder's scorecards.
   */
  private async linkable(email: string, claims: VerifiedClaims): Promise<UserEntity | null> {
    const user = await this.users.findByEmail(email);
    if (!user) return null;
    if (user.oidcSubject && (user.oidcSubject !== claims.sub || user.oidcIssuer !== claims.iss)) {
      await this.refused(user.id, 'identity_mismatch', { subject: claims.sub });
      throw new SsoRefusal('identity', 'this email address belongs to an account linked to another identity');
    }
    if (!user.oidcSubject && !(await this.users.linkOidcIdentity(user.id, claims.iss, claims.sub))) {
      // a concurrent first sign-in linked it: to this identity, or refuse as above
      return this.linkable(email, claims);
    }
    return user;
  }

  /** Records a sign-in that verification refused before any user was known. */
  async verificationFailed(reason: string, detail: string): Promise<void> {
    await this.refused(UNKNOWN_USER_ID, reason, { detail: detail.slice(0, 200) });
  }

  /**
   * Mapped groups, when the token carries any, replace the roles: the provider is where the company
   * manages who does what, and a person moved out of a group loses its role at the next sign-in.
   */
  private async existing(user: UserEntity, mapped: Role[]): Promise<UserEntity> {
    if (!user.active) {
      await this.refused(user.id, 'inactive', {});
      throw new SsoRefusal('inactive', 'this account is deactivated');
    }
    if (!mapped.length || [...user.roles].sort().join() === [...mapped].sort().join()) return user;
    // the break-glass admin stays an admin whatever the provider's groups say: it is the way back in
    if (user.email === this.config.breakGlassEmail) return user;
    const after = (await this.users.update(user.id, { roles: mapped }))!;
    await this.audit.record(null, 'user', user.id, 'roles_changed', {
      from: user.roles,
      to: mapped,
      via: 'sso_groups',
    });
    return after;
  }

  private async created(email: string, claims: VerifiedClaims, mapped: Role[], oidc: OidcConfig): Promise<UserEntity> {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!oidc.allowedDomains.includes(domain)) {
      await this.refused(UNKNOWN_USER_ID, 'domain_not_allowed', { email });
      throw new SsoRefusal('domain', `no account for ${email}, and ${domain} accounts are not created automatically`);
    }
    const roles = mapped.length ? mapped : [oidc.defaultRole as Role];
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email.split('@')[0];
    const inserted = await this.users.insertIfAbsent({
      email,
      name: name.slice(0, 200),
      passwordHash: SSO_ONLY_PASSWORD_HASH,
      roles,
      timezone: 'UTC',
      active: true,
      oidcIssuer: claims.iss,
      oidcSubject: claims.sub,
    });
    // two first sign-ins at once: the other one created the account
    if (!inserted) return (await this.users.findByEmail(email))!;
    await this.audit.record(null, 'user', inserted.id, 'sso_user_created', {
      email,
      roles,
      subject: claims.sub,
      issuer: claims.iss,
    });
    return inserted;
  }

  private async refused(userId: string, reason: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(null, 'user', userId, 'login_failed', { reason, via: 'sso', ...details });
  }
}
