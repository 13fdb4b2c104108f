import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_book_archives_state" AS ENUM('queued', 'running', 'done', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'truongsoBuildBookArchive' BEFORE 'truongsoRebuildSite';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'truongsoBuildBookArchive' BEFORE 'truongsoRebuildSite';
  CREATE TABLE "book_archives" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"title" varchar,
  	"school_year" varchar NOT NULL,
  	"state" "enum_book_archives_state" NOT NULL,
  	"done" numeric,
  	"total" numeric,
  	"archive_sha256" varchar,
  	"manifest" jsonb,
  	"requested_by_id" integer,
  	"requested_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "student_term_records" ADD COLUMN "homeroom_comment" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "book_archives_id" integer;
  ALTER TABLE "book_archives" ADD CONSTRAINT "book_archives_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "book_archives" ADD CONSTRAINT "book_archives_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "book_archives_school_idx" ON "book_archives" USING btree ("school_id");
  CREATE INDEX "book_archives_school_year_idx" ON "book_archives" USING btree ("school_year");
  CREATE INDEX "book_archives_state_idx" ON "book_archives" USING btree ("state");
  CREATE INDEX "book_archives_archive_sha256_idx" ON "book_archives" USING btree ("archive_sha256");
  CREATE INDEX "book_archives_requested_by_idx" ON "book_archives" USING btree ("requested_by_id");
  CREATE INDEX "book_archives_requested_at_idx" ON "book_archives" USING btree ("requested_at");
  CREATE INDEX "book_archives_updated_at_idx" ON "book_archives" USING btree ("updated_at");
  CREATE INDEX "book_archives_created_at_idx" ON "book_archives" USING btree ("created_at");
  CREATE UNIQUE INDEX "book_archives_filename_idx" ON "book_archives" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_book_archives_fk" FOREIGN KEY ("book_archives_id") REFERENCES "public"."book_archives"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_book_archives_id_idx" ON "payload_locked_documents_rels" USING btree ("book_archives_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "book_archives" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "book_archives" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_book_archives_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'truongsoNightlyBackup', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoSendEmail', 'truongsoApplyMarkLocks', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'truongsoNightlyBackup', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoSendEmail', 'truongsoApplyMarkLocks', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_book_archives_id_idx";
  ALTER TABLE "student_term_records" DROP COLUMN "homeroom_comment";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "book_archives_id";
  DROP TYPE "public"."enum_book_archives_state";`)
}
