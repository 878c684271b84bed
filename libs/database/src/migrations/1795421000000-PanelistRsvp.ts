import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each panelist's answer to the invitation (RSVP): needs_action until they accept, decline or say tentative. */
export class PanelistRsvp1795421000000 implements MigrationInterface {
  name = 'PanelistRsvp1795421000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "interview_panelists" ADD "rsvp" character varying(12) NOT NULL DEFAULT 'needs_action'`,
    );
    await queryRunner.query(`ALTER TABLE "interview_panelists" ADD "rsvp_note" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" ADD "rsvp_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "interview_panelists" ADD CONSTRAINT "interview_panelists_rsvp_known" CHECK (rsvp IN ('needs_action', 'accepted', 'declined', 'tentative'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP CONSTRAINT "interview_panelists_rsvp_known"`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP COLUMN "rsvp_at"`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP COLUMN "rsvp_note"`);
    await queryRunner.query(`ALTER TABLE "interview_panelists" DROP COLUMN "rsvp"`);
  }
}
