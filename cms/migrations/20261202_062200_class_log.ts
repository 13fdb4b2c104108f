import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_log_rows_session" AS ENUM('morning', 'afternoon');
  CREATE TYPE "public"."enum_log_rows_rating" AS ENUM('tot', 'kha', 'trung-binh', 'yeu');
  CREATE TYPE "public"."enum_class_logs_term" AS ENUM('hk1', 'hk2');
  CREATE TABLE "log_rows" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"session" "enum_log_rows_session",
  	"period" numeric,
  	"subject_id" integer,
  	"teacher_id" integer,
  	"teaching_assignment_id" integer,
  	"lesson_number" numeric,
  	"lesson_title" varchar,
  	"oral_check" varchar,
  	"comment" varchar,
  	"rating" "enum_log_rows_rating",
  	"signed_by_id" integer,
  	"signed_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "log_notes" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"note" varchar,
  	"by_id" integer,
  	"at" timestamp(3) with time zone
  );
  
  CREATE TABLE "class_logs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"class_id" integer NOT NULL,
  	"date" varchar NOT NULL,
  	"school_year" varchar,
  	"term" "enum_class_logs_term",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "class_logs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"students_id" integer
  );
  
  CREATE TABLE "class_log_weeks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"class_id" integer NOT NULL,
  	"week_start" varchar NOT NULL,
  	"weekly_comment" varchar,
  	"closed_by_id" integer,
  	"closed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "class_logs_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "class_log_weeks_id" integer;
  ALTER TABLE "log_rows" ADD CONSTRAINT "log_rows_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "log_rows" ADD CONSTRAINT "log_rows_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "log_rows" ADD CONSTRAINT "log_rows_teaching_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("teaching_assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "log_rows" ADD CONSTRAINT "log_rows_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "log_rows" ADD CONSTRAINT "log_rows_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."class_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "log_notes" ADD CONSTRAINT "log_notes_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "log_notes" ADD CONSTRAINT "log_notes_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."class_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "class_logs" ADD CONSTRAINT "class_logs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_logs" ADD CONSTRAINT "class_logs_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_logs_rels" ADD CONSTRAINT "class_logs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."class_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "class_logs_rels" ADD CONSTRAINT "class_logs_rels_students_fk" FOREIGN KEY ("students_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "class_log_weeks" ADD CONSTRAINT "class_log_weeks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_log_weeks" ADD CONSTRAINT "class_log_weeks_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_log_weeks" ADD CONSTRAINT "class_log_weeks_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "log_rows_order_idx" ON "log_rows" USING btree ("_order");
  CREATE INDEX "log_rows_parent_id_idx" ON "log_rows" USING btree ("_parent_id");
  CREATE INDEX "log_rows_subject_idx" ON "log_rows" USING btree ("subject_id");
  CREATE INDEX "log_rows_teacher_idx" ON "log_rows" USING btree ("teacher_id");
  CREATE INDEX "log_rows_teaching_assignment_idx" ON "log_rows" USING btree ("teaching_assignment_id");
  CREATE INDEX "log_rows_signed_by_idx" ON "log_rows" USING btree ("signed_by_id");
  CREATE INDEX "log_notes_order_idx" ON "log_notes" USING btree ("_order");
  CREATE INDEX "log_notes_parent_id_idx" ON "log_notes" USING btree ("_parent_id");
  CREATE INDEX "log_notes_by_idx" ON "log_notes" USING btree ("by_id");
  CREATE INDEX "class_logs_school_idx" ON "class_logs" USING btree ("school_id");
  CREATE UNIQUE INDEX "class_logs_key_idx" ON "class_logs" USING btree ("key");
  CREATE INDEX "class_logs_class_idx" ON "class_logs" USING btree ("class_id");
  CREATE INDEX "class_logs_date_idx" ON "class_logs" USING btree ("date");
  CREATE INDEX "class_logs_school_year_idx" ON "class_logs" USING btree ("school_year");
  CREATE INDEX "class_logs_term_idx" ON "class_logs" USING btree ("term");
  CREATE INDEX "class_logs_updated_at_idx" ON "class_logs" USING btree ("updated_at");
  CREATE INDEX "class_logs_created_at_idx" ON "class_logs" USING btree ("created_at");
  CREATE INDEX "class_logs_rels_order_idx" ON "class_logs_rels" USING btree ("order");
  CREATE INDEX "class_logs_rels_parent_idx" ON "class_logs_rels" USING btree ("parent_id");
  CREATE INDEX "class_logs_rels_path_idx" ON "class_logs_rels" USING btree ("path");
  CREATE INDEX "class_logs_rels_students_id_idx" ON "class_logs_rels" USING btree ("students_id");
  CREATE INDEX "class_log_weeks_school_idx" ON "class_log_weeks" USING btree ("school_id");
  CREATE UNIQUE INDEX "class_log_weeks_key_idx" ON "class_log_weeks" USING btree ("key");
  CREATE INDEX "class_log_weeks_class_idx" ON "class_log_weeks" USING btree ("class_id");
  CREATE INDEX "class_log_weeks_week_start_idx" ON "class_log_weeks" USING btree ("week_start");
  CREATE INDEX "class_log_weeks_closed_by_idx" ON "class_log_weeks" USING btree ("closed_by_id");
  CREATE INDEX "class_log_weeks_updated_at_idx" ON "class_log_weeks" USING btree ("updated_at");
  CREATE INDEX "class_log_weeks_created_at_idx" ON "class_log_weeks" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_class_logs_fk" FOREIGN KEY ("class_logs_id") REFERENCES "public"."class_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_class_log_weeks_fk" FOREIGN KEY ("class_log_weeks_id") REFERENCES "public"."class_log_weeks"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_class_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("class_logs_id");
  CREATE INDEX "payload_locked_documents_rels_class_log_weeks_id_idx" ON "payload_locked_documents_rels" USING btree ("class_log_weeks_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "log_rows" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "log_notes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_logs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_logs_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_log_weeks" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "log_rows" CASCADE;
  DROP TABLE "log_notes" CASCADE;
  DROP TABLE "class_logs" CASCADE;
  DROP TABLE "class_logs_rels" CASCADE;
  DROP TABLE "class_log_weeks" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_class_logs_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_class_log_weeks_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_class_logs_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_class_log_weeks_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "class_logs_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "class_log_weeks_id";
  DROP TYPE "public"."enum_log_rows_session";
  DROP TYPE "public"."enum_log_rows_rating";
  DROP TYPE "public"."enum_class_logs_term";`)
}
