import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryFailures1795415096449 implements MigrationInterface {
  name = 'DeliveryFailures1795415096449';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD "status" character varying(10) NOT NULL DEFAULT 'sent'
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD "error" text
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "deliveries_status_known" CHECK (status IN ('sent', 'failed'))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP COLUMN "error"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP COLUMN "status"
        `);
  }
}
