import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_document_folders_filers" AS ENUM('board', 'school-admin', 'department-leader', 'department-member', 'folder-owner', 'staff');
  CREATE TYPE "public"."enum_document_folders_approval" AS ENUM('none', 'board', 'leader-then-board');
  CREATE TYPE "public"."enum_education_documents_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'approved', 'returned');
  CREATE TYPE "public"."enum_lesson_plans_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'approved', 'returned');
  CREATE TYPE "public"."enum_document_tree_template_folders_filers" AS ENUM('board', 'school-admin', 'department-leader', 'department-member', 'folder-owner', 'staff');
  CREATE TYPE "public"."enum_document_tree_template_folders_scope" AS ENUM('school', 'per-department', 'per-teacher');
  CREATE TYPE "public"."enum_document_tree_template_folders_approval" AS ENUM('none', 'board', 'leader-then-board');
  ALTER TYPE "public"."enum_workflow_events_from_state" ADD VALUE 'approved';
  ALTER TYPE "public"."enum_workflow_events_to_state" ADD VALUE 'approved';
  CREATE TABLE "document_folders_filers" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_document_folders_filers",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "document_folders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"school_year" varchar NOT NULL,
  	"template_key" varchar,
  	"name" varchar NOT NULL,
  	"path" varchar,
  	"parent_id" integer,
  	"order" numeric,
  	"department_id" integer,
  	"owner_id" integer,
  	"accepts_files" boolean DEFAULT true,
  	"approval" "enum_document_folders_approval" DEFAULT 'board' NOT NULL,
  	"requires_signature" boolean DEFAULT false,
  	"closed" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "document_folders_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "education_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"title" varchar NOT NULL,
  	"folder_id" integer NOT NULL,
  	"school_year" varchar,
  	"department_id" integer,
  	"author_id" integer,
  	"workflow_state" "enum_education_documents_workflow_state" DEFAULT 'draft',
  	"last_return_reason" varchar,
  	"current_file_id" integer,
  	"current_sha256" varchar,
  	"version_count" numeric DEFAULT 0,
  	"approved_file_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "edu_file_sigs" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"signer_name" varchar,
  	"signer_organisation" varchar,
  	"issuer_name" varchar,
  	"signing_time" timestamp(3) with time zone,
  	"byte_range" varchar,
  	"covers_whole_file" boolean,
  	"digest_matches" boolean,
  	"signature_valid" boolean,
  	"modified_after_signing" boolean
  );
  
  CREATE TABLE "education_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"document_id" integer,
  	"lesson_plan_id" integer,
  	"department_id" integer,
  	"version" numeric,
  	"sha256" varchar,
  	"detected_type" varchar,
  	"signed" boolean,
  	"uploaded_by_id" integer,
  	"approved" boolean DEFAULT false,
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
  
  CREATE TABLE "lesson_plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"subject_id" integer NOT NULL,
  	"week_start" varchar NOT NULL,
  	"lesson_number" numeric,
  	"lesson_title" varchar,
  	"title" varchar,
  	"name" varchar,
  	"grade" numeric,
  	"school_year" varchar,
  	"teacher_id" integer,
  	"department_id" integer,
  	"deadline" timestamp(3) with time zone,
  	"submitted_at" timestamp(3) with time zone,
  	"late" boolean DEFAULT false,
  	"workflow_state" "enum_lesson_plans_workflow_state" DEFAULT 'draft',
  	"last_return_reason" varchar,
  	"current_file_id" integer,
  	"current_sha256" varchar,
  	"version_count" numeric DEFAULT 0,
  	"approved_file_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "document_tree_template_folders_filers" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_document_tree_template_folders_filers",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "document_tree_template_folders" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"parent_key" varchar,
  	"name" varchar NOT NULL,
  	"scope" "enum_document_tree_template_folders_scope" DEFAULT 'school',
  	"accepts_files" boolean DEFAULT true,
  	"approval" "enum_document_tree_template_folders_approval" DEFAULT 'board',
  	"requires_signature" boolean DEFAULT false
  );
  
  CREATE TABLE "document_tree_template" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "workflow_events" ADD COLUMN "education_document_id" integer;
  ALTER TABLE "workflow_events" ADD COLUMN "lesson_plan_id" integer;
  ALTER TABLE "workflow_events" ADD COLUMN "version_hash" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "document_folders_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "education_documents_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "education_files_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "lesson_plans_id" integer;
  ALTER TABLE "document_folders_filers" ADD CONSTRAINT "document_folders_filers_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."document_folders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "document_folders" ADD CONSTRAINT "document_folders_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_folders" ADD CONSTRAINT "document_folders_parent_id_document_folders_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."document_folders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_folders" ADD CONSTRAINT "document_folders_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_folders" ADD CONSTRAINT "document_folders_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_folders_rels" ADD CONSTRAINT "document_folders_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."document_folders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "document_folders_rels" ADD CONSTRAINT "document_folders_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_folder_id_document_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."document_folders"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_current_file_id_education_files_id_fk" FOREIGN KEY ("current_file_id") REFERENCES "public"."education_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_documents" ADD CONSTRAINT "education_documents_approved_file_id_education_files_id_fk" FOREIGN KEY ("approved_file_id") REFERENCES "public"."education_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "edu_file_sigs" ADD CONSTRAINT "edu_file_sigs_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."education_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "education_files" ADD CONSTRAINT "education_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_files" ADD CONSTRAINT "education_files_document_id_education_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."education_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_files" ADD CONSTRAINT "education_files_lesson_plan_id_lesson_plans_id_fk" FOREIGN KEY ("lesson_plan_id") REFERENCES "public"."lesson_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_files" ADD CONSTRAINT "education_files_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "education_files" ADD CONSTRAINT "education_files_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_current_file_id_education_files_id_fk" FOREIGN KEY ("current_file_id") REFERENCES "public"."education_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lesson_plans" ADD CONSTRAINT "lesson_plans_approved_file_id_education_files_id_fk" FOREIGN KEY ("approved_file_id") REFERENCES "public"."education_files"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "document_tree_template_folders_filers" ADD CONSTRAINT "document_tree_template_folders_filers_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."document_tree_template_folders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "document_tree_template_folders" ADD CONSTRAINT "document_tree_template_folders_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."document_tree_template"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "document_folders_filers_order_idx" ON "document_folders_filers" USING btree ("order");
  CREATE INDEX "document_folders_filers_parent_idx" ON "document_folders_filers" USING btree ("parent_id");
  CREATE INDEX "document_folders_school_idx" ON "document_folders" USING btree ("school_id");
  CREATE UNIQUE INDEX "document_folders_key_idx" ON "document_folders" USING btree ("key");
  CREATE INDEX "document_folders_school_year_idx" ON "document_folders" USING btree ("school_year");
  CREATE INDEX "document_folders_template_key_idx" ON "document_folders" USING btree ("template_key");
  CREATE INDEX "document_folders_parent_idx" ON "document_folders" USING btree ("parent_id");
  CREATE INDEX "document_folders_department_idx" ON "document_folders" USING btree ("department_id");
  CREATE INDEX "document_folders_owner_idx" ON "document_folders" USING btree ("owner_id");
  CREATE INDEX "document_folders_closed_idx" ON "document_folders" USING btree ("closed");
  CREATE INDEX "document_folders_updated_at_idx" ON "document_folders" USING btree ("updated_at");
  CREATE INDEX "document_folders_created_at_idx" ON "document_folders" USING btree ("created_at");
  CREATE INDEX "document_folders_rels_order_idx" ON "document_folders_rels" USING btree ("order");
  CREATE INDEX "document_folders_rels_parent_idx" ON "document_folders_rels" USING btree ("parent_id");
  CREATE INDEX "document_folders_rels_path_idx" ON "document_folders_rels" USING btree ("path");
  CREATE INDEX "document_folders_rels_users_id_idx" ON "document_folders_rels" USING btree ("users_id");
  CREATE INDEX "education_documents_school_idx" ON "education_documents" USING btree ("school_id");
  CREATE INDEX "education_documents_folder_idx" ON "education_documents" USING btree ("folder_id");
  CREATE INDEX "education_documents_school_year_idx" ON "education_documents" USING btree ("school_year");
  CREATE INDEX "education_documents_department_idx" ON "education_documents" USING btree ("department_id");
  CREATE INDEX "education_documents_author_idx" ON "education_documents" USING btree ("author_id");
  CREATE INDEX "education_documents_workflow_state_idx" ON "education_documents" USING btree ("workflow_state");
  CREATE INDEX "education_documents_current_file_idx" ON "education_documents" USING btree ("current_file_id");
  CREATE INDEX "education_documents_approved_file_idx" ON "education_documents" USING btree ("approved_file_id");
  CREATE INDEX "education_documents_updated_at_idx" ON "education_documents" USING btree ("updated_at");
  CREATE INDEX "education_documents_created_at_idx" ON "education_documents" USING btree ("created_at");
  CREATE INDEX "edu_file_sigs_order_idx" ON "edu_file_sigs" USING btree ("_order");
  CREATE INDEX "edu_file_sigs_parent_id_idx" ON "edu_file_sigs" USING btree ("_parent_id");
  CREATE INDEX "education_files_school_idx" ON "education_files" USING btree ("school_id");
  CREATE INDEX "education_files_document_idx" ON "education_files" USING btree ("document_id");
  CREATE INDEX "education_files_lesson_plan_idx" ON "education_files" USING btree ("lesson_plan_id");
  CREATE INDEX "education_files_department_idx" ON "education_files" USING btree ("department_id");
  CREATE INDEX "education_files_sha256_idx" ON "education_files" USING btree ("sha256");
  CREATE INDEX "education_files_uploaded_by_idx" ON "education_files" USING btree ("uploaded_by_id");
  CREATE INDEX "education_files_approved_idx" ON "education_files" USING btree ("approved");
  CREATE INDEX "education_files_updated_at_idx" ON "education_files" USING btree ("updated_at");
  CREATE INDEX "education_files_created_at_idx" ON "education_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "education_files_filename_idx" ON "education_files" USING btree ("filename");
  CREATE INDEX "lesson_plans_school_idx" ON "lesson_plans" USING btree ("school_id");
  CREATE INDEX "lesson_plans_subject_idx" ON "lesson_plans" USING btree ("subject_id");
  CREATE INDEX "lesson_plans_week_start_idx" ON "lesson_plans" USING btree ("week_start");
  CREATE INDEX "lesson_plans_school_year_idx" ON "lesson_plans" USING btree ("school_year");
  CREATE INDEX "lesson_plans_teacher_idx" ON "lesson_plans" USING btree ("teacher_id");
  CREATE INDEX "lesson_plans_department_idx" ON "lesson_plans" USING btree ("department_id");
  CREATE INDEX "lesson_plans_late_idx" ON "lesson_plans" USING btree ("late");
  CREATE INDEX "lesson_plans_workflow_state_idx" ON "lesson_plans" USING btree ("workflow_state");
  CREATE INDEX "lesson_plans_current_file_idx" ON "lesson_plans" USING btree ("current_file_id");
  CREATE INDEX "lesson_plans_approved_file_idx" ON "lesson_plans" USING btree ("approved_file_id");
  CREATE INDEX "lesson_plans_updated_at_idx" ON "lesson_plans" USING btree ("updated_at");
  CREATE INDEX "lesson_plans_created_at_idx" ON "lesson_plans" USING btree ("created_at");
  CREATE INDEX "document_tree_template_folders_filers_order_idx" ON "document_tree_template_folders_filers" USING btree ("order");
  CREATE INDEX "document_tree_template_folders_filers_parent_idx" ON "document_tree_template_folders_filers" USING btree ("parent_id");
  CREATE INDEX "document_tree_template_folders_order_idx" ON "document_tree_template_folders" USING btree ("_order");
  CREATE INDEX "document_tree_template_folders_parent_id_idx" ON "document_tree_template_folders" USING btree ("_parent_id");
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_education_document_id_education_documents_id_fk" FOREIGN KEY ("education_document_id") REFERENCES "public"."education_documents"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_lesson_plan_id_lesson_plans_id_fk" FOREIGN KEY ("lesson_plan_id") REFERENCES "public"."lesson_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_document_folders_fk" FOREIGN KEY ("document_folders_id") REFERENCES "public"."document_folders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_education_documents_fk" FOREIGN KEY ("education_documents_id") REFERENCES "public"."education_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_education_files_fk" FOREIGN KEY ("education_files_id") REFERENCES "public"."education_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lesson_plans_fk" FOREIGN KEY ("lesson_plans_id") REFERENCES "public"."lesson_plans"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "workflow_events_education_document_idx" ON "workflow_events" USING btree ("education_document_id");
  CREATE INDEX "workflow_events_lesson_plan_idx" ON "workflow_events" USING btree ("lesson_plan_id");
  CREATE INDEX "payload_locked_documents_rels_document_folders_id_idx" ON "payload_locked_documents_rels" USING btree ("document_folders_id");
  CREATE INDEX "payload_locked_documents_rels_education_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("education_documents_id");
  CREATE INDEX "payload_locked_documents_rels_education_files_id_idx" ON "payload_locked_documents_rels" USING btree ("education_files_id");
  CREATE INDEX "payload_locked_documents_rels_lesson_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("lesson_plans_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "document_folders_filers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "document_folders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "document_folders_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "education_documents" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "edu_file_sigs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "education_files" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "lesson_plans" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "document_tree_template_folders_filers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "document_tree_template_folders" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "document_tree_template" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "document_folders_filers" CASCADE;
  DROP TABLE "document_folders" CASCADE;
  DROP TABLE "document_folders_rels" CASCADE;
  DROP TABLE "education_documents" CASCADE;
  DROP TABLE "edu_file_sigs" CASCADE;
  DROP TABLE "education_files" CASCADE;
  DROP TABLE "lesson_plans" CASCADE;
  DROP TABLE "document_tree_template_folders_filers" CASCADE;
  DROP TABLE "document_tree_template_folders" CASCADE;
  DROP TABLE "document_tree_template" CASCADE;
  ALTER TABLE "workflow_events" DROP CONSTRAINT IF EXISTS "workflow_events_education_document_id_education_documents_id_fk";
  
  ALTER TABLE "workflow_events" DROP CONSTRAINT IF EXISTS "workflow_events_lesson_plan_id_lesson_plans_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_document_folders_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_education_documents_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_education_files_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_lesson_plans_fk";
  
  ALTER TABLE "workflow_events" ALTER COLUMN "from_state" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_from_state";
  CREATE TYPE "public"."enum_workflow_events_from_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  ALTER TABLE "workflow_events" ALTER COLUMN "from_state" SET DATA TYPE "public"."enum_workflow_events_from_state" USING "from_state"::"public"."enum_workflow_events_from_state";
  ALTER TABLE "workflow_events" ALTER COLUMN "to_state" SET DATA TYPE text;
  DROP TYPE "public"."enum_workflow_events_to_state";
  CREATE TYPE "public"."enum_workflow_events_to_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  ALTER TABLE "workflow_events" ALTER COLUMN "to_state" SET DATA TYPE "public"."enum_workflow_events_to_state" USING "to_state"::"public"."enum_workflow_events_to_state";
  DROP INDEX IF EXISTS "workflow_events_education_document_idx";
  DROP INDEX IF EXISTS "workflow_events_lesson_plan_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_document_folders_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_education_documents_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_education_files_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_lesson_plans_id_idx";
  ALTER TABLE "workflow_events" DROP COLUMN "education_document_id";
  ALTER TABLE "workflow_events" DROP COLUMN "lesson_plan_id";
  ALTER TABLE "workflow_events" DROP COLUMN "version_hash";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "document_folders_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "education_documents_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "education_files_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "lesson_plans_id";
  DROP TYPE "public"."enum_document_folders_filers";
  DROP TYPE "public"."enum_document_folders_approval";
  DROP TYPE "public"."enum_education_documents_workflow_state";
  DROP TYPE "public"."enum_lesson_plans_workflow_state";
  DROP TYPE "public"."enum_document_tree_template_folders_filers";
  DROP TYPE "public"."enum_document_tree_template_folders_scope";
  DROP TYPE "public"."enum_document_tree_template_folders_approval";`)
}
