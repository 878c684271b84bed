import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys for integrations (hashed secrets), the audit trail's actor kind and name (a key acts under
 * its name), and (updated_at, id) indexes so that `updatedSince` lists page in index order.
 */
export class ApiKeys1795421450000 implements MigrationInterface {
  name = 'ApiKeys1795421450000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(100) NOT NULL,
                "scopes" text array NOT NULL,
                "secret_hash" character(64) NOT NULL,
                "prefix" character varying(20) NOT NULL,
                "last4" character(4) NOT NULL,
                "created_by_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_api_keys_secret_hash" UNIQUE ("secret_hash"),
                CONSTRAINT "PK_api_keys" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events" ADD "actor_kind" character varying(10) NOT NULL DEFAULT 'user'
        `);
    await queryRunner.query(`
            ALTER TABLE "audit_events" ADD "actor_name" character varying(100)
        `);
    await queryRunner.query(`
            UPDATE "audit_events" SET "actor_kind" = 'system' WHERE "actor_id" IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_interviews_updated_at" ON "interviews" ("updated_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_candidates_updated_at" ON "candidates" ("updated_at", "id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_candidates_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_interviews_updated_at"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "actor_name"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "actor_kind"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
  }
}
