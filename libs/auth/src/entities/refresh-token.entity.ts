import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One refresh token of a sign-in. Only its SHA-256 hash is kept, so a copy of the table signs
 * nobody in. All tokens of one sign-in share `familyId`; each refresh marks the presented token
 * rotated and issues the next one.
 */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Hex SHA-256 of the cookie value. */
  @Column({ type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Index()
  @Column({ type: 'uuid' })
  familyId: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when this token was exchanged for the next one; presenting it again is reuse. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  /** Set on sign-out, on reuse of any token of the family, and when the user is deactivated. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
