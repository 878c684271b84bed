import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type IdempotencyState = 'processing' | 'done';

/**
 * One Idempotency-Key of one principal: `userId` is the user's id, or the API key's id for requests
 * made with a key. 'processing' while the first request runs (or after it failed:
 * then nothing of it was committed and a retry takes the row over); 'done' with the answer to replay.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_idempotency_keys' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'PK_idempotency_keys' })
  key: string;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'text' })
  path: string;

  /** sha256 of the canonical JSON of the request body, hex */
  @Column({ type: 'char', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 12 })
  state: IdempotencyState;

  @Column({ type: 'int', nullable: true })
  responseStatus: number | null;

  /** the answer's JSON text as sent, replayed byte for byte */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Index('IDX_idempotency_keys_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
