import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Event webhooks (issue 17): subscriptions, and their outbox / delivery log. */
export class EventWebhooks1795421460000 implements MigrationInterface {
  name = 'EventWebhooks1795421460000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" character varying(2000) NOT NULL, "description" character varying(200) NOT NULL DEFAULT '', "events" character varying(40) array NOT NULL, "secret" character varying(100) NOT NULL, "previous_secret" character varying(100), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "status" character varying(10) NOT NULL DEFAULT 'active', "paused_reason" character varying(300), "paused_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT '0', "owner_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_subscriptions_status_known" CHECK (status IN ('active', 'paused')), CONSTRAINT "PK_webhook_subscriptions" PRIMARY KEY ("id"))
        `);
    await queryRunner.query(`
            CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(40) NOT NULL, "body" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "round" integer NOT NULL DEFAULT '0', "attempts" integer NOT NULL DEFAULT '0', "response_status" integer, "error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "webhook_deliveries_status_known" CHECK (status IN ('pending', 'succeeded', 'failed', 'skipped')), CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"))
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_webhook_deliveries_pending" ON "webhook_deliveries"  ("status", "next_attempt_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_webhook_deliveries_log" ON "webhook_deliveries"  ("subscription_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_webhook_deliveries_event" ON "webhook_deliveries"  ("subscription_id", "event_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TABLE "webhook_deliveries"
        `);
    await queryRunner.query(`
            DROP TABLE "webhook_subscriptions"
        `);
  }
}
