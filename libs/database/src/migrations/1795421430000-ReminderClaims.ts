import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReminderClaims1795421430000 implements MigrationInterface {
  name = 'ReminderClaims1795421430000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminders" ADD "claimed_by" character varying(200)
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders" ADD "claimed_at" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP COLUMN "claimed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP COLUMN "claimed_by"
        `);
  }
}
