import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Role } from '../role.enum';

@Entity('users')
@Check('users_email_lower', 'email = lower(email)')
@Check(
  'users_roles_known',
  `roles <@ ARRAY['admin','recruiter','hiring_manager','interviewer']::text[] AND cardinality(roles) > 0`,
)
// one account per identity at the provider (NULLs never collide: password-only accounts)
@Index('IDX_users_oidc_identity', ['oidcIssuer', 'oidcSubject'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased, so the unique constraint is case-insensitive. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * The provider's identity (issuer and `sub`) this account is linked to at its first single sign-on:
   * later sign-ins must present the same one, so an email address reassigned at the provider does not
   * inherit the account.
   */
  @Column({ type: 'varchar', length: 255, nullable: true })
  oidcIssuer?: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  oidcSubject?: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
