import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'truongsoNightlyBackup' BEFORE 'truongsoScheduledPublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'truongsoSendEmail' BEFORE 'truongsoRebuildSite';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'truongsoNightlyBackup' BEFORE 'truongsoScheduledPublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'truongsoSendEmail' BEFORE 'truongsoRebuildSite';
  CREATE TABLE "site_build_locks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"generation" numeric NOT NULL,
  	"key" varchar NOT NULL,
  	"holder" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"released_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "site_build_locks_id" integer;
  CREATE INDEX "site_build_locks_name_idx" ON "site_build_locks" USING btree ("name");
  CREATE INDEX "site_build_locks_generation_idx" ON "site_build_locks" USING btree ("generation");
  CREATE UNIQUE INDEX "site_build_locks_key_idx" ON "site_build_locks" USING btree ("key");
  CREATE INDEX "site_build_locks_updated_at_idx" ON "site_build_locks" USING btree ("updated_at");
  CREATE INDEX "site_build_locks_created_at_idx" ON "site_build_locks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_build_locks_fk" FOREIGN KEY ("site_build_locks_id") REFERENCES "public"."site_build_locks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_site_build_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("site_build_locks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "site_build_locks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "site_build_locks" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_site_build_locks_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_site_build_locks_id_idx";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "site_build_locks_id";`)
}
