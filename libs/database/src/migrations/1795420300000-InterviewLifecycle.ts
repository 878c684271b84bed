import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interviews gain `awaiting_feedback` and `no_show`. Interviews still `scheduled` whose end has passed
 * move on as the end-of-interview job would have moved them: to `completed` when every panelist has
 * submitted a scorecard, else to `awaiting_feedback`.
 */
export class InterviewLifecycle1795420300000 implements MigrationInterface {
  name = 'InterviewLifecycle1795420300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interviews" DROP CONSTRAINT "interviews_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" ALTER COLUMN "status" TYPE character varying(20)
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews"
            ADD CONSTRAINT "interviews_status_known" CHECK (
                    status IN (
                        'scheduled',
                        'awaiting_feedback',
                        'completed',
                        'cancelled',
                        'no_show'
                    )
                )
        `);
    await queryRunner.query(InterviewLifecycle1795420300000.MOVE_ENDED);
  }

  /** Also run by the migration's test on rows inserted in the old shape. */
  static readonly MOVE_ENDED = `
        UPDATE "interviews" i
           SET status = CASE WHEN all_in THEN 'completed' ELSE 'awaiting_feedback' END,
               completed_at = CASE WHEN all_in THEN now() ELSE i.completed_at END
          FROM (
            SELECT x.id,
                   EXISTS (SELECT 1 FROM interview_panelists p WHERE p.interview_id = x.id)
                   AND NOT EXISTS (
                       SELECT 1 FROM interview_panelists p
                        WHERE p.interview_id = x.id
                          AND NOT EXISTS (
                              SELECT 1 FROM scorecards s
                               WHERE s.interview_id = x.id AND s.panelist_id = p.user_id AND s.status = 'submitted'
                          )
                   ) AS all_in
              FROM interviews x
             WHERE x.status = 'scheduled' AND x.ends_at <= now()
          ) ended
         WHERE i.id = ended.id`;

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            UPDATE "interviews" SET status = 'scheduled' WHERE status = 'awaiting_feedback'
        `);
    await queryRunner.query(`
            UPDATE "interviews" SET status = 'cancelled', cancel_reason = COALESCE(cancel_reason, 'No-show'),
                   cancelled_at = COALESCE(cancelled_at, updated_at)
             WHERE status = 'no_show'
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" DROP CONSTRAINT "interviews_status_known"
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews" ALTER COLUMN "status" TYPE character varying(12)
        `);
    await queryRunner.query(`
            ALTER TABLE "interviews"
            ADD CONSTRAINT "interviews_status_known" CHECK (status IN ('scheduled', 'completed', 'cancelled'))
        `);
  }
}
