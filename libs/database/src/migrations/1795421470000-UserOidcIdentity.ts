import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on links an account to the provider's identity (issuer and subject), not only its email. */
export class UserOidcIdentity1795421470000 implements MigrationInterface {
  name = 'UserOidcIdentity1795421470000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_issuer" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "oidc_subject" character varying(255)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_users_oidc_identity" ON "users" ("oidc_issuer", "oidc_subject")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_users_oidc_identity"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_subject"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "oidc_issuer"`);
  }
}
