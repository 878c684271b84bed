import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key records: a retried creating POST replays the first answer instead of creating twice. */
export class IdempotencyKeys1795420800000 implements MigrationInterface {
  name = 'IdempotencyKeys1795420800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "key" character varying(200) NOT NULL,
                "method" character varying(10) NOT NULL,
                "path" text NOT NULL,
                "request_hash" character(64) NOT NULL,
                "state" character varying(12) NOT NULL,
                "response_status" integer,
                "response_body" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("user_id", "key")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_keys_expires_at"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
