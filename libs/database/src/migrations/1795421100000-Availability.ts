import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Working hours, days off and buffers on the profile; calendar feeds and their busy intervals; full panelists. */
export class Availability1795421100000 implements MigrationInterface {
  name = 'Availability1795421100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" ADD "working_hours" jsonb`);
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" ADD "days_off" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" ADD "buffer_minutes" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "user_id" uuid NOT NULL,
                "url" character varying(2000) NOT NULL,
                "etag" character varying(300),
                "last_modified" character varying(100),
                "last_fetched_at" TIMESTAMP WITH TIME ZONE,
                "last_error" character varying(200),
                "busy_count" integer NOT NULL DEFAULT 0,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_calendar_feeds" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_busy" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "source" character varying(20) NOT NULL DEFAULT 'feed',
                CONSTRAINT "PK_calendar_busy" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_calendar_busy_user_start" ON "calendar_busy" ("user_id", "starts_at")`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP CONSTRAINT "interview_panelists_role_known"`);
    await queryRunner.query(
      `ALTER TABLE "interview_panelists" ADD CONSTRAINT "interview_panelists_role_known" CHECK (role IN ('lead', 'panelist', 'shadow'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "interview_panelists" SET role = 'shadow' WHERE role = 'panelist'`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP CONSTRAINT "interview_panelists_role_known"`);
    await queryRunner.query(
      `ALTER TABLE "interview_panelists" ADD CONSTRAINT "interview_panelists_role_known" CHECK (role IN ('lead', 'shadow'))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_calendar_busy_user_start"`);
    await queryRunner.query(`DROP TABLE "calendar_busy"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" DROP COLUMN "buffer_minutes"`);
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" DROP COLUMN "days_off"`);
    await queryRunner.query(`ALTER TABLE "interviewer_profiles" DROP COLUMN "working_hours"`);
  }
}
