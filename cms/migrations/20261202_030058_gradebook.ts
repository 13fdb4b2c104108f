import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_marks_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_marks_mid_term_level" AS ENUM('HTT', 'HT', 'CHT');
  CREATE TYPE "public"."enum_marks_end_term_level" AS ENUM('HTT', 'HT', 'CHT');
  CREATE TYPE "public"."enum_student_term_records_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_student_term_records_conduct" AS ENUM('tot', 'kha', 'dat', 'chua-dat');
  CREATE TYPE "public"."enum_student_term_records_qualities_patriotism" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_qualities_kindness" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_qualities_diligence" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_qualities_honesty" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_qualities_responsibility" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_self_study" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_communication" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_problem_solving" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_language" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_mathematics" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_science" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_technology" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_informatics" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_aesthetics" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_student_term_records_competences_physical" AS ENUM('tot', 'dat', 'can-co-gang');
  CREATE TYPE "public"."enum_mark_locks_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_mark_locks_kind" AS ENUM('regular', 'midTerm', 'endTerm', 'conduct', 'termResults');
  CREATE TYPE "public"."enum_mark_corrections_state" AS ENUM('pending', 'approved', 'refused');
  CREATE TYPE "public"."enum_mark_history_source" AS ENUM('entry', 'import', 'correction');
  CREATE TYPE "public"."enum_mark_history_actor_role" AS ENUM('district-officer', 'district-admin', 'school-admin', 'principal', 'vice-principal', 'team-leader', 'teacher', 'homeroom-teacher', 'staff', 'system');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'truongsoApplyMarkLocks' BEFORE 'truongsoRebuildSite';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'truongsoApplyMarkLocks' BEFORE 'truongsoRebuildSite';
  CREATE TABLE "marks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"student_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"subject_id" integer NOT NULL,
  	"teaching_assignment_id" integer,
  	"school_year" varchar NOT NULL,
  	"term" "enum_marks_term" NOT NULL,
  	"regular" jsonb,
  	"mid_term" jsonb,
  	"end_term" jsonb,
  	"mid_term_level" "enum_marks_mid_term_level",
  	"end_term_level" "enum_marks_end_term_level",
  	"mid_term_test" numeric,
  	"end_term_test" numeric,
  	"comment" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "student_term_records" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"student_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"school_year" varchar NOT NULL,
  	"term" "enum_student_term_records_term" NOT NULL,
  	"conduct" "enum_student_term_records_conduct",
  	"absences_excused" numeric,
  	"absences_unexcused" numeric,
  	"qualities_patriotism" "enum_student_term_records_qualities_patriotism",
  	"qualities_kindness" "enum_student_term_records_qualities_kindness",
  	"qualities_diligence" "enum_student_term_records_qualities_diligence",
  	"qualities_honesty" "enum_student_term_records_qualities_honesty",
  	"qualities_responsibility" "enum_student_term_records_qualities_responsibility",
  	"competences_self_study" "enum_student_term_records_competences_self_study",
  	"competences_communication" "enum_student_term_records_competences_communication",
  	"competences_problem_solving" "enum_student_term_records_competences_problem_solving",
  	"competences_language" "enum_student_term_records_competences_language",
  	"competences_mathematics" "enum_student_term_records_competences_mathematics",
  	"competences_science" "enum_student_term_records_competences_science",
  	"competences_technology" "enum_student_term_records_competences_technology",
  	"competences_informatics" "enum_student_term_records_competences_informatics",
  	"competences_aesthetics" "enum_student_term_records_competences_aesthetics",
  	"competences_physical" "enum_student_term_records_competences_physical",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mark_locks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"label" varchar,
  	"school_year" varchar NOT NULL,
  	"term" "enum_mark_locks_term" NOT NULL,
  	"kind" "enum_mark_locks_kind" NOT NULL,
  	"lock_at" timestamp(3) with time zone,
  	"locked" boolean DEFAULT false,
  	"lock_applied" boolean DEFAULT false,
  	"locked_by_id" integer,
  	"locked_at" timestamp(3) with time zone,
  	"unlocked_by_id" integer,
  	"unlocked_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mark_corrections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"mark_id" integer NOT NULL,
  	"field" varchar NOT NULL,
  	"old_value" jsonb,
  	"new_value" jsonb,
  	"reason" varchar NOT NULL,
  	"attachment_id" integer,
  	"state" "enum_mark_corrections_state" DEFAULT 'pending' NOT NULL,
  	"requested_by_id" integer,
  	"student_id" integer,
  	"subject_id" integer,
  	"class_id" integer,
  	"school_year" varchar,
  	"term" varchar,
  	"locked_since" varchar,
  	"decided_by_id" integer,
  	"decided_at" timestamp(3) with time zone,
  	"decision_reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "correction_attachments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"uploaded_by_id" integer,
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
  
  CREATE TABLE "class_results_approvals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"class_id" integer NOT NULL,
  	"school_year" varchar NOT NULL,
  	"approved_by_id" integer NOT NULL,
  	"approved_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "mark_history" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school" varchar NOT NULL,
  	"sequence" numeric NOT NULL,
  	"mark" varchar NOT NULL,
  	"student" varchar NOT NULL,
  	"subject" varchar NOT NULL,
  	"school_year" varchar NOT NULL,
  	"term" varchar NOT NULL,
  	"field" varchar NOT NULL,
  	"old_value" jsonb,
  	"new_value" jsonb,
  	"reason" varchar,
  	"source" "enum_mark_history_source" NOT NULL,
  	"correction_request" varchar,
  	"actor" varchar,
  	"actor_role" "enum_mark_history_actor_role",
  	"at" timestamp(3) with time zone NOT NULL,
  	"previous_hash" varchar NOT NULL,
  	"hash" varchar NOT NULL
  );
  
  CREATE TABLE "mark_history_heads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school" varchar NOT NULL,
  	"sequence" numeric DEFAULT 0 NOT NULL,
  	"hash" varchar
  );
  
  ALTER TABLE "teaching_assignments" ADD COLUMN "label" varchar;
  ALTER TABLE "teaching_assignments" ADD COLUMN "subject_id" integer;
  -- Data: a teaching assignment named its subject in free text. It now points at the subject of its
  -- class's grade and school year with that name, created (assessed as the level's default) when the
  -- school had none; its readable label is filled in as the CMS would write it.
  INSERT INTO "subjects" ("school_id", "name", "grade", "school_year", "kind", "updated_at", "created_at")
    SELECT DISTINCT ta."school_id", ta."subject", c."grade", ta."school_year",
      (CASE WHEN c."grade" <= 5 THEN 'primary' ELSE 'scored' END)::"enum_subjects_kind", now(), now()
    FROM "teaching_assignments" ta JOIN "classes" c ON c."id" = ta."class_id"
    WHERE NOT EXISTS (
      SELECT 1 FROM "subjects" s
      WHERE s."name" = ta."subject" AND s."grade" = c."grade" AND s."school_year" = ta."school_year" AND s."school_id" IS NOT DISTINCT FROM ta."school_id");
  UPDATE "teaching_assignments" ta SET
    "subject_id" = (
      SELECT s."id" FROM "subjects" s JOIN "classes" c ON c."id" = ta."class_id"
      WHERE s."name" = ta."subject" AND s."grade" = c."grade" AND s."school_year" = ta."school_year" AND s."school_id" IS NOT DISTINCT FROM ta."school_id"
      ORDER BY s."id" LIMIT 1),
    "label" = concat_ws(' – ', ta."subject", (SELECT c."name" FROM "classes" c WHERE c."id" = ta."class_id"), (SELECT u."full_name" FROM "users" u WHERE u."id" = ta."teacher_id"));
  ALTER TABLE "teaching_assignments" ALTER COLUMN "subject_id" SET NOT NULL;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "marks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "student_term_records_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mark_locks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mark_corrections_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "correction_attachments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "class_results_approvals_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mark_history_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mark_history_heads_id" integer;
  ALTER TABLE "marks" ADD CONSTRAINT "marks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marks" ADD CONSTRAINT "marks_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marks" ADD CONSTRAINT "marks_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marks" ADD CONSTRAINT "marks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "marks" ADD CONSTRAINT "marks_teaching_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("teaching_assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "student_term_records" ADD CONSTRAINT "student_term_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "student_term_records" ADD CONSTRAINT "student_term_records_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "student_term_records" ADD CONSTRAINT "student_term_records_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_locks" ADD CONSTRAINT "mark_locks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_locks" ADD CONSTRAINT "mark_locks_locked_by_id_users_id_fk" FOREIGN KEY ("locked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_locks" ADD CONSTRAINT "mark_locks_unlocked_by_id_users_id_fk" FOREIGN KEY ("unlocked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_mark_id_marks_id_fk" FOREIGN KEY ("mark_id") REFERENCES "public"."marks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_attachment_id_correction_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."correction_attachments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "mark_corrections" ADD CONSTRAINT "mark_corrections_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_attachments" ADD CONSTRAINT "correction_attachments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "correction_attachments" ADD CONSTRAINT "correction_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_results_approvals" ADD CONSTRAINT "class_results_approvals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_results_approvals" ADD CONSTRAINT "class_results_approvals_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "class_results_approvals" ADD CONSTRAINT "class_results_approvals_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "marks_school_idx" ON "marks" USING btree ("school_id");
  CREATE UNIQUE INDEX "marks_key_idx" ON "marks" USING btree ("key");
  CREATE INDEX "marks_student_idx" ON "marks" USING btree ("student_id");
  CREATE INDEX "marks_class_idx" ON "marks" USING btree ("class_id");
  CREATE INDEX "marks_subject_idx" ON "marks" USING btree ("subject_id");
  CREATE INDEX "marks_teaching_assignment_idx" ON "marks" USING btree ("teaching_assignment_id");
  CREATE INDEX "marks_school_year_idx" ON "marks" USING btree ("school_year");
  CREATE INDEX "marks_updated_at_idx" ON "marks" USING btree ("updated_at");
  CREATE INDEX "marks_created_at_idx" ON "marks" USING btree ("created_at");
  CREATE INDEX "student_term_records_school_idx" ON "student_term_records" USING btree ("school_id");
  CREATE UNIQUE INDEX "student_term_records_key_idx" ON "student_term_records" USING btree ("key");
  CREATE INDEX "student_term_records_student_idx" ON "student_term_records" USING btree ("student_id");
  CREATE INDEX "student_term_records_class_idx" ON "student_term_records" USING btree ("class_id");
  CREATE INDEX "student_term_records_school_year_idx" ON "student_term_records" USING btree ("school_year");
  CREATE INDEX "student_term_records_updated_at_idx" ON "student_term_records" USING btree ("updated_at");
  CREATE INDEX "student_term_records_created_at_idx" ON "student_term_records" USING btree ("created_at");
  CREATE INDEX "mark_locks_school_idx" ON "mark_locks" USING btree ("school_id");
  CREATE UNIQUE INDEX "mark_locks_key_idx" ON "mark_locks" USING btree ("key");
  CREATE INDEX "mark_locks_school_year_idx" ON "mark_locks" USING btree ("school_year");
  CREATE INDEX "mark_locks_locked_idx" ON "mark_locks" USING btree ("locked");
  CREATE INDEX "mark_locks_locked_by_idx" ON "mark_locks" USING btree ("locked_by_id");
  CREATE INDEX "mark_locks_unlocked_by_idx" ON "mark_locks" USING btree ("unlocked_by_id");
  CREATE INDEX "mark_locks_updated_at_idx" ON "mark_locks" USING btree ("updated_at");
  CREATE INDEX "mark_locks_created_at_idx" ON "mark_locks" USING btree ("created_at");
  CREATE INDEX "mark_corrections_school_idx" ON "mark_corrections" USING btree ("school_id");
  CREATE INDEX "mark_corrections_mark_idx" ON "mark_corrections" USING btree ("mark_id");
  CREATE INDEX "mark_corrections_attachment_idx" ON "mark_corrections" USING btree ("attachment_id");
  CREATE INDEX "mark_corrections_state_idx" ON "mark_corrections" USING btree ("state");
  CREATE INDEX "mark_corrections_requested_by_idx" ON "mark_corrections" USING btree ("requested_by_id");
  CREATE INDEX "mark_corrections_student_idx" ON "mark_corrections" USING btree ("student_id");
  CREATE INDEX "mark_corrections_subject_idx" ON "mark_corrections" USING btree ("subject_id");
  CREATE INDEX "mark_corrections_class_idx" ON "mark_corrections" USING btree ("class_id");
  CREATE INDEX "mark_corrections_decided_by_idx" ON "mark_corrections" USING btree ("decided_by_id");
  CREATE INDEX "mark_corrections_updated_at_idx" ON "mark_corrections" USING btree ("updated_at");
  CREATE INDEX "mark_corrections_created_at_idx" ON "mark_corrections" USING btree ("created_at");
  CREATE INDEX "correction_attachments_school_idx" ON "correction_attachments" USING btree ("school_id");
  CREATE INDEX "correction_attachments_uploaded_by_idx" ON "correction_attachments" USING btree ("uploaded_by_id");
  CREATE INDEX "correction_attachments_updated_at_idx" ON "correction_attachments" USING btree ("updated_at");
  CREATE INDEX "correction_attachments_created_at_idx" ON "correction_attachments" USING btree ("created_at");
  CREATE UNIQUE INDEX "correction_attachments_filename_idx" ON "correction_attachments" USING btree ("filename");
  CREATE INDEX "class_results_approvals_school_idx" ON "class_results_approvals" USING btree ("school_id");
  CREATE UNIQUE INDEX "class_results_approvals_key_idx" ON "class_results_approvals" USING btree ("key");
  CREATE INDEX "class_results_approvals_class_idx" ON "class_results_approvals" USING btree ("class_id");
  CREATE INDEX "class_results_approvals_school_year_idx" ON "class_results_approvals" USING btree ("school_year");
  CREATE INDEX "class_results_approvals_approved_by_idx" ON "class_results_approvals" USING btree ("approved_by_id");
  CREATE INDEX "class_results_approvals_updated_at_idx" ON "class_results_approvals" USING btree ("updated_at");
  CREATE INDEX "class_results_approvals_created_at_idx" ON "class_results_approvals" USING btree ("created_at");
  CREATE INDEX "mark_history_school_idx" ON "mark_history" USING btree ("school");
  CREATE INDEX "mark_history_sequence_idx" ON "mark_history" USING btree ("sequence");
  CREATE INDEX "mark_history_mark_idx" ON "mark_history" USING btree ("mark");
  CREATE INDEX "mark_history_student_idx" ON "mark_history" USING btree ("student");
  CREATE INDEX "mark_history_actor_idx" ON "mark_history" USING btree ("actor");
  CREATE UNIQUE INDEX "school_sequence_idx" ON "mark_history" USING btree ("school","sequence");
  CREATE UNIQUE INDEX "mark_history_heads_school_idx" ON "mark_history_heads" USING btree ("school");
  ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_marks_fk" FOREIGN KEY ("marks_id") REFERENCES "public"."marks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_student_term_records_fk" FOREIGN KEY ("student_term_records_id") REFERENCES "public"."student_term_records"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mark_locks_fk" FOREIGN KEY ("mark_locks_id") REFERENCES "public"."mark_locks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mark_corrections_fk" FOREIGN KEY ("mark_corrections_id") REFERENCES "public"."mark_corrections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_correction_attachments_fk" FOREIGN KEY ("correction_attachments_id") REFERENCES "public"."correction_attachments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_class_results_approvals_fk" FOREIGN KEY ("class_results_approvals_id") REFERENCES "public"."class_results_approvals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mark_history_fk" FOREIGN KEY ("mark_history_id") REFERENCES "public"."mark_history"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mark_history_heads_fk" FOREIGN KEY ("mark_history_heads_id") REFERENCES "public"."mark_history_heads"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "teaching_assignments_subject_idx" ON "teaching_assignments" USING btree ("subject_id");
  CREATE INDEX "teaching_assignments_school_year_idx" ON "teaching_assignments" USING btree ("school_year");
  CREATE INDEX "payload_locked_documents_rels_marks_id_idx" ON "payload_locked_documents_rels" USING btree ("marks_id");
  CREATE INDEX "payload_locked_documents_rels_student_term_records_id_idx" ON "payload_locked_documents_rels" USING btree ("student_term_records_id");
  CREATE INDEX "payload_locked_documents_rels_mark_locks_id_idx" ON "payload_locked_documents_rels" USING btree ("mark_locks_id");
  CREATE INDEX "payload_locked_documents_rels_mark_corrections_id_idx" ON "payload_locked_documents_rels" USING btree ("mark_corrections_id");
  CREATE INDEX "payload_locked_documents_rels_correction_attachments_id_idx" ON "payload_locked_documents_rels" USING btree ("correction_attachments_id");
  CREATE INDEX "payload_locked_documents_rels_class_results_approvals_id_idx" ON "payload_locked_documents_rels" USING btree ("class_results_approvals_id");
  CREATE INDEX "payload_locked_documents_rels_mark_history_id_idx" ON "payload_locked_documents_rels" USING btree ("mark_history_id");
  CREATE INDEX "payload_locked_documents_rels_mark_history_heads_id_idx" ON "payload_locked_documents_rels" USING btree ("mark_history_heads_id");
  ALTER TABLE "teaching_assignments" DROP COLUMN "subject";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "marks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "student_term_records" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mark_locks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mark_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "correction_attachments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "class_results_approvals" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mark_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "mark_history_heads" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "marks" CASCADE;
  DROP TABLE "student_term_records" CASCADE;
  DROP TABLE "mark_locks" CASCADE;
  DROP TABLE "mark_corrections" CASCADE;
  DROP TABLE "correction_attachments" CASCADE;
  DROP TABLE "class_results_approvals" CASCADE;
  DROP TABLE "mark_history" CASCADE;
  DROP TABLE "mark_history_heads" CASCADE;
  ALTER TABLE "teaching_assignments" DROP CONSTRAINT IF EXISTS "teaching_assignments_subject_id_subjects_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_marks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_student_term_records_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_mark_locks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_mark_corrections_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_correction_attachments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_class_results_approvals_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_mark_history_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_mark_history_heads_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'truongsoNightlyBackup', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoSendEmail', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'truongsoNightlyBackup', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoSendEmail', 'truongsoRebuildSite');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX IF EXISTS "teaching_assignments_subject_idx";
  DROP INDEX IF EXISTS "teaching_assignments_school_year_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_marks_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_student_term_records_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_mark_locks_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_mark_corrections_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_correction_attachments_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_class_results_approvals_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_mark_history_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_mark_history_heads_id_idx";
  ALTER TABLE "teaching_assignments" ADD COLUMN "subject" varchar;
  UPDATE "teaching_assignments" ta SET "subject" = (SELECT s."name" FROM "subjects" s WHERE s."id" = ta."subject_id");
  ALTER TABLE "teaching_assignments" ALTER COLUMN "subject" SET NOT NULL;
  ALTER TABLE "teaching_assignments" DROP COLUMN "label";
  ALTER TABLE "teaching_assignments" DROP COLUMN "subject_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "marks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "student_term_records_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mark_locks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mark_corrections_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "correction_attachments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "class_results_approvals_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mark_history_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mark_history_heads_id";
  DROP TYPE "public"."enum_marks_term";
  DROP TYPE "public"."enum_marks_mid_term_level";
  DROP TYPE "public"."enum_marks_end_term_level";
  DROP TYPE "public"."enum_student_term_records_term";
  DROP TYPE "public"."enum_student_term_records_conduct";
  DROP TYPE "public"."enum_student_term_records_qualities_patriotism";
  DROP TYPE "public"."enum_student_term_records_qualities_kindness";
  DROP TYPE "public"."enum_student_term_records_qualities_diligence";
  DROP TYPE "public"."enum_student_term_records_qualities_honesty";
  DROP TYPE "public"."enum_student_term_records_qualities_responsibility";
  DROP TYPE "public"."enum_student_term_records_competences_self_study";
  DROP TYPE "public"."enum_student_term_records_competences_communication";
  DROP TYPE "public"."enum_student_term_records_competences_problem_solving";
  DROP TYPE "public"."enum_student_term_records_competences_language";
  DROP TYPE "public"."enum_student_term_records_competences_mathematics";
  DROP TYPE "public"."enum_student_term_records_competences_science";
  DROP TYPE "public"."enum_student_term_records_competences_technology";
  DROP TYPE "public"."enum_student_term_records_competences_informatics";
  DROP TYPE "public"."enum_student_term_records_competences_aesthetics";
  DROP TYPE "public"."enum_student_term_records_competences_physical";
  DROP TYPE "public"."enum_mark_locks_term";
  DROP TYPE "public"."enum_mark_locks_kind";
  DROP TYPE "public"."enum_mark_corrections_state";
  DROP TYPE "public"."enum_mark_history_source";
  DROP TYPE "public"."enum_mark_history_actor_role";`)
}
