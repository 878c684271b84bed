import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" character varying(254) NOT NULL,
        "name" character varying(200) NOT NULL,
        "password_hash" character varying(200) NOT NULL,
        "roles" text array NOT NULL,
        "timezone" character varying(64) NOT NULL DEFAULT 'UTC',
        "active" boolean NOT NULL DEFAULT true,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
        CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"),
        CONSTRAINT "users_email_lower" CHECK (email = lower(email)),
        CONSTRAINT "users_roles_known" CHECK (roles <@ ARRAY['admin','recruiter','hiring_manager','interviewer']::text[] AND cardinality(roles) > 0)
      )`);
    await q.query(`
      CREATE TABLE "worker_heartbeats" (
        "job_id" character varying(100) NOT NULL,
        "backend" character varying(20) NOT NULL,
        "requested_by" character varying(200) NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "processed_by" character varying(200) NOT NULL,
        "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_worker_heartbeats" PRIMARY KEY ("job_id")
      )`);
    await q.query(`CREATE INDEX "IDX_worker_heartbeats_processed_at" ON "worker_heartbeats" ("processed_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "worker_heartbeats"`);
    await q.query(`DROP TABLE "users"`);
  }
}
