import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Interviewer pools (one of a pool fills a panel seat) with their limits, members and trainees. */
export class InterviewerPools1795421200000 implements MigrationInterface {
  name = 'InterviewerPools1795421200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "interviewer_pools" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(120) NOT NULL,
                "description" character varying(2000),
                "daily_limit" integer,
                "weekly_limit" integer,
                "shadows_required" integer NOT NULL DEFAULT 2,
                "reverse_shadows_required" integer NOT NULL DEFAULT 2,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "interviewer_pools_limits_positive" CHECK (("daily_limit" IS NULL OR "daily_limit" >= 1) AND ("weekly_limit" IS NULL OR "weekly_limit" >= 1)),
                CONSTRAINT "interviewer_pools_training_counts" CHECK ("shadows_required" >= 0 AND "reverse_shadows_required" >= 0),
                CONSTRAINT "PK_interviewer_pools" PRIMARY KEY ("id")
            )
        `);
    // names are unique whatever their case: "Backend" and "backend" are one pool
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_interviewer_pools_name_lower" ON "interviewer_pools" (lower("name"))`,
    );
    await queryRunner.query(`
            CREATE TABLE "interviewer_pool_members" (
                "pool_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "trainee" boolean NOT NULL DEFAULT false,
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "qualified_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_interviewer_pool_members" PRIMARY KEY ("pool_id", "user_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_interviewer_pool_members_user" ON "interviewer_pool_members" ("user_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "interviewer_pool_members" ADD CONSTRAINT "FK_interviewer_pool_members_pool" FOREIGN KEY ("pool_id") REFERENCES "interviewer_pools"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "interviewer_pool_members" DROP CONSTRAINT "FK_interviewer_pool_members_pool"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_interviewer_pool_members_user"`);
    await queryRunner.query(`DROP TABLE "interviewer_pool_members"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_interviewer_pools_name_lower"`);
    await queryRunner.query(`DROP TABLE "interviewer_pools"`);
  }
}
