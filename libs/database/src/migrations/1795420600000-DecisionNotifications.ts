import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Decision notices reuse reminders and deliveries: they are about a candidate's decision, not an interview. */
export class DecisionNotifications1795420600000 implements MigrationInterface {
  name = 'DecisionNotifications1795420600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "interview_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "candidate_id" uuid`);
    await queryRunner.query(`ALTER TABLE "reminders" ADD "decision_id" uuid`);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "reminders_about_one" CHECK ((interview_id IS NULL) <> (decision_id IS NULL))
        `);
    await queryRunner.query(`ALTER TABLE "deliveries" ALTER COLUMN "interview_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "candidate_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "deliveries" WHERE "interview_id" IS NULL`);
    await queryRunner.query(`DELETE FROM "reminders" WHERE "interview_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "candidate_id"`);
    await queryRunner.query(`ALTER TABLE "deliveries" ALTER COLUMN "interview_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "reminders_about_one"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "decision_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP COLUMN "candidate_id"`);
    await queryRunner.query(`ALTER TABLE "reminders" ALTER COLUMN "interview_id" SET NOT NULL`);
  }
}
