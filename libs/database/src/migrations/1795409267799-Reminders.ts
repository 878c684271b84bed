import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795409267799 implements MigrationInterface {
  name = 'Reminders1795409267799';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reminder_id" uuid NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "channel" character varying(10) NOT NULL,
                "recipient_id" uuid NOT NULL,
                "interview_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "subject" character varying(400) NOT NULL,
                "provider_ref" character varying(400),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_deliveries_recipient" ON "deliveries" ("recipient_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_deliveries_once" ON "deliveries" ("reminder_id", "due_at", "channel")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminder_settings" (
                "id" smallint NOT NULL,
                "policy" jsonb NOT NULL,
                "updated_by_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8967b53d42011ef8628dc889979" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "reminders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" character varying(300) NOT NULL,
                "interview_id" uuid NOT NULL,
                "recipient_id" uuid NOT NULL,
                "about_user_id" uuid NOT NULL,
                "kind" character varying(20) NOT NULL,
                "occurrence" integer NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" character varying(12) NOT NULL DEFAULT 'scheduled',
                "job_id" character varying(400),
                "reason" text,
                "attempts" integer NOT NULL DEFAULT '0',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "reminders_status_known" CHECK (
                    status IN (
                        'scheduled',
                        'sent',
                        'skipped',
                        'failed',
                        'cancelled'
                    )
                ),
                CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_reminders_due" ON "reminders" ("status", "due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_reminders_interview" ON "reminders" ("interview_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reminders_key" ON "reminders" ("key")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."UQ_reminders_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_reminders_interview"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_reminders_due"
        `);
    await queryRunner.query(`
            DROP TABLE "reminders"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_deliveries_once"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_deliveries_recipient"
        `);
    await queryRunner.query(`
            DROP TABLE "deliveries"
        `);
  }
}
