import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * An integration's API key. Only the SHA-256 of the secret is kept (the secret has 256 bits of
 * entropy, so a plain hash cannot be reversed and a lookup by hash needs no constant-time compare);
 * `prefix` and `last4` let an admin recognise a key in the list without it.
 */
@Entity('api_keys')
@Unique('UQ_api_keys_secret_hash', ['secretHash'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_keys' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** `<area>:read` / `<area>:write`, see api-key-scopes.ts. */
  @Column({ type: 'text', array: true })
  scopes: string[];

  /** Hex SHA-256 of the secret. */
  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'varchar', length: 20 })
  prefix: string;

  @Column({ type: 'char', length: 4 })
  last4: string;

  /** The admin who created it. */
  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Kept to the minute: written at most once a minute per key, not on every request. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
