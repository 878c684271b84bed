import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveriesByTime1795413549652 implements MigrationInterface {
  name = 'DeliveriesByTime1795413549652';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "IDX_deliveries_created" ON "deliveries" ("created_at")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_deliveries_created"
        `);
  }
}
