import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_attendance_sessions_absences_status" AS ENUM('excused', 'unexcused', 'late');
  CREATE TYPE "public"."enum_attendance_sessions_session" AS ENUM('morning', 'afternoon');
  CREATE TYPE "public"."enum_attendance_sessions_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_timetables_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_tkb_slots_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_tkb_slots_session" AS ENUM('morning', 'afternoon');
  CREATE TYPE "public"."enum_plan_rows_session" AS ENUM('morning', 'afternoon');
  CREATE TYPE "public"."enum_teaching_plans_status" AS ENUM('draft', 'submitted', 'acknowledged');
  CREATE TYPE "public"."enum_teaching_settings_plan_deadline_kind" AS ENUM('before-first-period', 'days-before');
  CREATE TABLE "attendance_sessions_absences" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"student_id" integer NOT NULL,
  	"status" "enum_attendance_sessions_absences_status" NOT NULL,
  	"reason" varchar
  );
  
  CREATE TABLE "attendance_sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"class_id" integer NOT NULL,
  	"date" varchar NOT NULL,
  	"session" "enum_attendance_sessions_session" NOT NULL,
  	"school_year" varchar,
  	"term" "enum_attendance_sessions_term",
  	"enrolled" numeric,
  	"taken_by_id" integer,
  	"taken_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "timetables" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"label" varchar,
  	"class_id" integer NOT NULL,
  	"school_year" varchar,
  	"term" "enum_timetables_term" NOT NULL,
  	"starts_on" timestamp(3) with time zone NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tkb_slots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"timetable_id" integer NOT NULL,
  	"class_id" integer,
  	"school_year" varchar,
  	"term" "enum_tkb_slots_term",
  	"day" numeric NOT NULL,
  	"session" "enum_tkb_slots_session" NOT NULL,
  	"period" numeric NOT NULL,
  	"teaching_assignment_id" integer NOT NULL,
  	"teacher_id" integer,
  	"subject_id" integer,
  	"room" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "syllabi_lessons" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"number" numeric,
  	"title" varchar,
  	"chapter" varchar,
  	"periods" numeric DEFAULT 1
  );
  
  CREATE TABLE "syllabi" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"subject_name" varchar NOT NULL,
  	"grade" numeric NOT NULL,
  	"school_year" varchar NOT NULL,
  	"department_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "plan_rows" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" varchar,
  	"day" numeric,
  	"session" "enum_plan_rows_session",
  	"period" numeric,
  	"class_id" integer,
  	"subject_id" integer,
  	"teaching_assignment_id" integer,
  	"lesson_number" numeric,
  	"lesson_title" varchar,
  	"lesson_adjusted" boolean DEFAULT false,
  	"note" varchar,
  	"equipment" varchar
  );
  
  CREATE TABLE "teaching_plans" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"teacher_id" integer NOT NULL,
  	"week_start" varchar NOT NULL,
  	"school_year" varchar,
  	"status" "enum_teaching_plans_status" DEFAULT 'draft' NOT NULL,
  	"deadline" timestamp(3) with time zone,
  	"submitted_at" timestamp(3) with time zone,
  	"late" boolean DEFAULT false,
  	"acknowledged_by_id" integer,
  	"acknowledged_at" timestamp(3) with time zone,
  	"board_note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "teaching_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"plan_deadline_kind" "enum_teaching_settings_plan_deadline_kind" DEFAULT 'before-first-period' NOT NULL,
  	"plan_deadline_days" numeric,
  	"first_period_time" varchar DEFAULT '07:00',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "attendance_sessions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "timetables_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tkb_slots_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "syllabi_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "teaching_plans_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "teaching_settings_id" integer;
  ALTER TABLE "attendance_sessions_absences" ADD CONSTRAINT "attendance_sessions_absences_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance_sessions_absences" ADD CONSTRAINT "attendance_sessions_absences_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."attendance_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "attendance_sessions" ADD CONSTRAINT "attendance_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance_sessions" ADD CONSTRAINT "attendance_sessions_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance_sessions" ADD CONSTRAINT "attendance_sessions_taken_by_id_users_id_fk" FOREIGN KEY ("taken_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetables" ADD CONSTRAINT "timetables_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetables" ADD CONSTRAINT "timetables_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_timetable_id_timetables_id_fk" FOREIGN KEY ("timetable_id") REFERENCES "public"."timetables"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_teaching_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("teaching_assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tkb_slots" ADD CONSTRAINT "tkb_slots_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "syllabi_lessons" ADD CONSTRAINT "syllabi_lessons_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."syllabi"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "syllabi" ADD CONSTRAINT "syllabi_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "syllabi" ADD CONSTRAINT "syllabi_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_rows" ADD CONSTRAINT "plan_rows_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_rows" ADD CONSTRAINT "plan_rows_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_rows" ADD CONSTRAINT "plan_rows_teaching_assignment_id_teaching_assignments_id_fk" FOREIGN KEY ("teaching_assignment_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "plan_rows" ADD CONSTRAINT "plan_rows_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."teaching_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "teaching_plans" ADD CONSTRAINT "teaching_plans_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_plans" ADD CONSTRAINT "teaching_plans_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_plans" ADD CONSTRAINT "teaching_plans_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_settings" ADD CONSTRAINT "teaching_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "attendance_sessions_absences_order_idx" ON "attendance_sessions_absences" USING btree ("_order");
  CREATE INDEX "attendance_sessions_absences_parent_id_idx" ON "attendance_sessions_absences" USING btree ("_parent_id");
  CREATE INDEX "attendance_sessions_absences_student_idx" ON "attendance_sessions_absences" USING btree ("student_id");
  CREATE INDEX "attendance_sessions_school_idx" ON "attendance_sessions" USING btree ("school_id");
  CREATE UNIQUE INDEX "attendance_sessions_key_idx" ON "attendance_sessions" USING btree ("key");
  CREATE INDEX "attendance_sessions_class_idx" ON "attendance_sessions" USING btree ("class_id");
  CREATE INDEX "attendance_sessions_date_idx" ON "attendance_sessions" USING btree ("date");
  CREATE INDEX "attendance_sessions_school_year_idx" ON "attendance_sessions" USING btree ("school_year");
  CREATE INDEX "attendance_sessions_term_idx" ON "attendance_sessions" USING btree ("term");
  CREATE INDEX "attendance_sessions_taken_by_idx" ON "attendance_sessions" USING btree ("taken_by_id");
  CREATE INDEX "attendance_sessions_updated_at_idx" ON "attendance_sessions" USING btree ("updated_at");
  CREATE INDEX "attendance_sessions_created_at_idx" ON "attendance_sessions" USING btree ("created_at");
  CREATE INDEX "timetables_school_idx" ON "timetables" USING btree ("school_id");
  CREATE UNIQUE INDEX "timetables_key_idx" ON "timetables" USING btree ("key");
  CREATE INDEX "timetables_class_idx" ON "timetables" USING btree ("class_id");
  CREATE INDEX "timetables_school_year_idx" ON "timetables" USING btree ("school_year");
  CREATE INDEX "timetables_term_idx" ON "timetables" USING btree ("term");
  CREATE INDEX "timetables_starts_on_idx" ON "timetables" USING btree ("starts_on");
  CREATE INDEX "timetables_updated_at_idx" ON "timetables" USING btree ("updated_at");
  CREATE INDEX "timetables_created_at_idx" ON "timetables" USING btree ("created_at");
  CREATE INDEX "tkb_slots_school_idx" ON "tkb_slots" USING btree ("school_id");
  CREATE UNIQUE INDEX "tkb_slots_key_idx" ON "tkb_slots" USING btree ("key");
  CREATE INDEX "tkb_slots_timetable_idx" ON "tkb_slots" USING btree ("timetable_id");
  CREATE INDEX "tkb_slots_class_idx" ON "tkb_slots" USING btree ("class_id");
  CREATE INDEX "tkb_slots_school_year_idx" ON "tkb_slots" USING btree ("school_year");
  CREATE INDEX "tkb_slots_term_idx" ON "tkb_slots" USING btree ("term");
  CREATE INDEX "tkb_slots_day_idx" ON "tkb_slots" USING btree ("day");
  CREATE INDEX "tkb_slots_teaching_assignment_idx" ON "tkb_slots" USING btree ("teaching_assignment_id");
  CREATE INDEX "tkb_slots_teacher_idx" ON "tkb_slots" USING btree ("teacher_id");
  CREATE INDEX "tkb_slots_subject_idx" ON "tkb_slots" USING btree ("subject_id");
  CREATE INDEX "tkb_slots_room_idx" ON "tkb_slots" USING btree ("room");
  CREATE INDEX "tkb_slots_updated_at_idx" ON "tkb_slots" USING btree ("updated_at");
  CREATE INDEX "tkb_slots_created_at_idx" ON "tkb_slots" USING btree ("created_at");
  CREATE INDEX "syllabi_lessons_order_idx" ON "syllabi_lessons" USING btree ("_order");
  CREATE INDEX "syllabi_lessons_parent_id_idx" ON "syllabi_lessons" USING btree ("_parent_id");
  CREATE INDEX "syllabi_school_idx" ON "syllabi" USING btree ("school_id");
  CREATE UNIQUE INDEX "syllabi_key_idx" ON "syllabi" USING btree ("key");
  CREATE INDEX "syllabi_subject_name_idx" ON "syllabi" USING btree ("subject_name");
  CREATE INDEX "syllabi_grade_idx" ON "syllabi" USING btree ("grade");
  CREATE INDEX "syllabi_school_year_idx" ON "syllabi" USING btree ("school_year");
  CREATE INDEX "syllabi_department_idx" ON "syllabi" USING btree ("department_id");
  CREATE INDEX "syllabi_updated_at_idx" ON "syllabi" USING btree ("updated_at");
  CREATE INDEX "syllabi_created_at_idx" ON "syllabi" USING btree ("created_at");
  CREATE INDEX "plan_rows_order_idx" ON "plan_rows" USING btree ("_order");
  CREATE INDEX "plan_rows_parent_id_idx" ON "plan_rows" USING btree ("_parent_id");
  CREATE INDEX "plan_rows_class_idx" ON "plan_rows" USING btree ("class_id");
  CREATE INDEX "plan_rows_subject_idx" ON "plan_rows" USING btree ("subject_id");
  CREATE INDEX "plan_rows_teaching_assignment_idx" ON "plan_rows" USING btree ("teaching_assignment_id");
  CREATE INDEX "teaching_plans_school_idx" ON "teaching_plans" USING btree ("school_id");
  CREATE UNIQUE INDEX "teaching_plans_key_idx" ON "teaching_plans" USING btree ("key");
  CREATE INDEX "teaching_plans_teacher_idx" ON "teaching_plans" USING btree ("teacher_id");
  CREATE INDEX "teaching_plans_week_start_idx" ON "teaching_plans" USING btree ("week_start");
  CREATE INDEX "teaching_plans_school_year_idx" ON "teaching_plans" USING btree ("school_year");
  CREATE INDEX "teaching_plans_status_idx" ON "teaching_plans" USING btree ("status");
  CREATE INDEX "teaching_plans_late_idx" ON "teaching_plans" USING btree ("late");
  CREATE INDEX "teaching_plans_acknowledged_by_idx" ON "teaching_plans" USING btree ("acknowledged_by_id");
  CREATE INDEX "teaching_plans_updated_at_idx" ON "teaching_plans" USING btree ("updated_at");
  CREATE INDEX "teaching_plans_created_at_idx" ON "teaching_plans" USING btree ("created_at");
  CREATE UNIQUE INDEX "teaching_settings_school_idx" ON "teaching_settings" USING btree ("school_id");
  CREATE INDEX "teaching_settings_updated_at_idx" ON "teaching_settings" USING btree ("updated_at");
  CREATE INDEX "teaching_settings_created_at_idx" ON "teaching_settings" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_attendance_sessions_fk" FOREIGN KEY ("attendance_sessions_id") REFERENCES "public"."attendance_sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_timetables_fk" FOREIGN KEY ("timetables_id") REFERENCES "public"."timetables"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_timetable_slots_fk" FOREIGN KEY ("tkb_slots_id") REFERENCES "public"."tkb_slots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_syllabi_fk" FOREIGN KEY ("syllabi_id") REFERENCES "public"."syllabi"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_teaching_plans_fk" FOREIGN KEY ("teaching_plans_id") REFERENCES "public"."teaching_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_teaching_settings_fk" FOREIGN KEY ("teaching_settings_id") REFERENCES "public"."teaching_settings"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_attendance_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("attendance_sessions_id");
  CREATE INDEX "payload_locked_documents_rels_timetables_id_idx" ON "payload_locked_documents_rels" USING btree ("timetables_id");
  CREATE INDEX "payload_locked_documents_rels_tkb_slots_id_idx" ON "payload_locked_documents_rels" USING btree ("tkb_slots_id");
  CREATE INDEX "payload_locked_documents_rels_syllabi_id_idx" ON "payload_locked_documents_rels" USING btree ("syllabi_id");
  CREATE INDEX "payload_locked_documents_rels_teaching_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("teaching_plans_id");
  CREATE INDEX "payload_locked_documents_rels_teaching_settings_id_idx" ON "payload_locked_documents_rels" USING btree ("teaching_settings_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "attendance_sessions_absences" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "attendance_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "timetables" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "tkb_slots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "syllabi_lessons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "syllabi" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "plan_rows" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "teaching_plans" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "teaching_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "attendance_sessions_absences" CASCADE;
  DROP TABLE "attendance_sessions" CASCADE;
  DROP TABLE "timetables" CASCADE;
  DROP TABLE "tkb_slots" CASCADE;
  DROP TABLE "syllabi_lessons" CASCADE;
  DROP TABLE "syllabi" CASCADE;
  DROP TABLE "plan_rows" CASCADE;
  DROP TABLE "teaching_plans" CASCADE;
  DROP TABLE "teaching_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_attendance_sessions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_timetables_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_timetable_slots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_syllabi_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_teaching_plans_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_teaching_settings_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_attendance_sessions_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_timetables_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_tkb_slots_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_syllabi_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_teaching_plans_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_teaching_settings_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "attendance_sessions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "timetables_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tkb_slots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "syllabi_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "teaching_plans_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "teaching_settings_id";
  DROP TYPE "public"."enum_attendance_sessions_absences_status";
  DROP TYPE "public"."enum_attendance_sessions_session";
  DROP TYPE "public"."enum_attendance_sessions_term";
  DROP TYPE "public"."enum_timetables_term";
  DROP TYPE "public"."enum_tkb_slots_term";
  DROP TYPE "public"."enum_tkb_slots_session";
  DROP TYPE "public"."enum_plan_rows_session";
  DROP TYPE "public"."enum_teaching_plans_status";
  DROP TYPE "public"."enum_teaching_settings_plan_deadline_kind";`)
}
