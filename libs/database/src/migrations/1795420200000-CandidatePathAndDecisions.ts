import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_REASONS = [
  'Skills gap',
  'Experience level',
  'Culture add / values',
  'Compensation',
  'Position filled',
  'Candidate withdrew',
  'Other',
];

export class CandidatePathAndDecisions1795420200000 implements MigrationInterface {
  name = 'CandidatePathAndDecisions1795420200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "candidates" ADD "stage_id" uuid`);
    await queryRunner.query(`ALTER TABLE "candidates" ADD "status" character varying(10) NOT NULL DEFAULT 'active'`);
    await queryRunner.query(`
            ALTER TABLE "candidates"
            ADD CONSTRAINT "candidates_status_known" CHECK (status IN ('active', 'on_hold', 'rejected', 'withdrawn', 'hired'))
        `);
    await queryRunner.query(`
            CREATE TABLE "rejection_reasons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "label" character varying(120) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "position" integer NOT NULL,
                CONSTRAINT "PK_rejection_reasons" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `INSERT INTO "rejection_reasons" ("label", "position")
             SELECT label, ord - 1 FROM unnest($1::text[]) WITH ORDINALITY AS r(label, ord)`,
      [DEFAULT_REASONS],
    );
    await queryRunner.query(`
            CREATE TABLE "candidate_decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "candidate_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "decision" character varying(12) NOT NULL,
                "from_stage_id" uuid,
                "to_stage_id" uuid,
                "from_status" character varying(10) NOT NULL,
                "to_status" character varying(10) NOT NULL,
                "reason_id" uuid,
                "rationale" text,
                "override_reason" text,
                "missing_at_decision" jsonb NOT NULL DEFAULT '[]',
                "decided_by_id" uuid NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "supersedes_id" uuid,
                CONSTRAINT "UQ_candidate_decisions_supersedes" UNIQUE ("supersedes_id"),
                CONSTRAINT "candidate_decisions_decision_known" CHECK (
                    decision IN ('advance', 'move_back', 'reject', 'hold', 'hire', 'withdraw', 'reactivate')
                ),
                CONSTRAINT "PK_candidate_decisions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_decisions_candidate" ON "candidate_decisions" ("candidate_id", "decided_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_candidate_decisions_position" ON "candidate_decisions" ("position_id", "decided_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "candidate_decisions"
            ADD CONSTRAINT "FK_candidate_decisions_reason" FOREIGN KEY ("reason_id") REFERENCES "rejection_reasons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "candidate_decisions"
            ADD CONSTRAINT "FK_candidate_decisions_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "candidate_decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "candidate_decisions"`);
    await queryRunner.query(`DROP TABLE "rejection_reasons"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP CONSTRAINT "candidates_status_known"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP COLUMN "stage_id"`);
  }
}
