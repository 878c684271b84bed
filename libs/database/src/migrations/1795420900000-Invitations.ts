import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar invitations (iTIP REQUEST/CANCEL): one row per interview, recipient and invite sequence. */
export class Invitations1795420900000 implements MigrationInterface {
  name = 'Invitations1795420900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "interview_id" uuid NOT NULL,
                "recipient_id" uuid NOT NULL,
                "sequence" integer NOT NULL,
                "method" character varying(8) NOT NULL,
                "status" character varying(10) NOT NULL DEFAULT 'pending',
                "reason" text,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "invitations_method_known" CHECK (method IN ('REQUEST', 'CANCEL')),
                CONSTRAINT "invitations_status_known" CHECK (status IN ('pending', 'sent', 'skipped', 'failed')),
                CONSTRAINT "PK_invitations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`ALTER TABLE "interviews" ADD "invite_candidate" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_invitations_once" ON "invitations" ("interview_id", "recipient_id", "sequence")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`ALTER TABLE "interviews" DROP COLUMN "invite_candidate"`);
  }
}
