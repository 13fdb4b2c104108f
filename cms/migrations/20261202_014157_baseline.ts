import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_schools_level" AS ENUM('MG', 'MN', 'TH', 'THCS', 'TH-THCS');
  CREATE TYPE "public"."enum_schools_template" AS ENUM('preschool', 'primary', 'lower-secondary', 'combined');
  CREATE TYPE "public"."enum_users_district_roles" AS ENUM('district-officer', 'district-admin');
  CREATE TYPE "public"."enum_users_memberships_roles" AS ENUM('school-admin', 'principal', 'vice-principal', 'team-leader', 'teacher', 'homeroom-teacher', 'staff');
  CREATE TYPE "public"."enum_introductions_unions_kind" AS ENUM('cong-doan', 'doan-tn', 'doi-tntp');
  CREATE TYPE "public"."enum_introductions_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__introductions_v_version_unions_kind" AS ENUM('cong-doan', 'doan-tn', 'doi-tntp');
  CREATE TYPE "public"."enum__introductions_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_posts_section" AS ENUM('thong-bao', 'chuyen-mon', 'hoat-dong');
  CREATE TYPE "public"."enum_posts_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum_posts_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__posts_v_version_section" AS ENUM('thong-bao', 'chuyen-mon', 'hoat-dong');
  CREATE TYPE "public"."enum__posts_v_version_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum__posts_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_disclosures_group" AS ENUM('general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly');
  CREATE TYPE "public"."enum_disclosures_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum_disclosures_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__disclosures_v_version_group" AS ENUM('general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly');
  CREATE TYPE "public"."enum__disclosures_v_version_workflow_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum__disclosures_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_school_years_terms_term" AS ENUM('hk1', 'hk2');
  CREATE TYPE "public"."enum_subjects_kind" AS ENUM('scored', 'comment', 'primary');
  CREATE TYPE "public"."enum_departments_kind" AS ENUM('chuyen-mon', 'van-phong');
  CREATE TYPE "public"."enum_staff_sex" AS ENUM('Nam', 'Nữ');
  CREATE TYPE "public"."enum_students_sex" AS ENUM('Nam', 'Nữ');
  CREATE TYPE "public"."enum_students_status" AS ENUM('studying', 'transferred-out', 'dropped-out', 'graduated');
  CREATE TYPE "public"."enum_enrolments_start_kind" AS ENUM('enrolled', 'promoted', 'transfer-in', 'class-change');
  CREATE TYPE "public"."enum_enrolments_end_kind" AS ENUM('class-change', 'transfer-out', 'drop-out', 'year-end');
  CREATE TYPE "public"."enum_teaching_assignments_term" AS ENUM('hk1', 'hk2', 'year');
  CREATE TYPE "public"."enum_record_access_logs_kind" AS ENUM('profile', 'list', 'export');
  CREATE TYPE "public"."enum_workflow_events_action" AS ENUM('submit', 'approve', 'publish', 'return', 'unpublish', 'withdraw', 'auto-publish', 'auto-unpublish');
  CREATE TYPE "public"."enum_workflow_events_from_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum_workflow_events_to_state" AS ENUM('draft', 'submitted', 'leader-approved', 'scheduled', 'published', 'returned', 'unpublished');
  CREATE TYPE "public"."enum_workflow_events_actor_role" AS ENUM('district-officer', 'district-admin', 'school-admin', 'principal', 'vice-principal', 'team-leader', 'teacher', 'homeroom-teacher', 'staff', 'author', 'system');
  CREATE TYPE "public"."enum_site_builds_status" AS ENUM('queued', 'running', 'succeeded', 'failed');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoRebuildSite');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'truongsoScheduledPublish', 'truongsoScheduledUnpublish', 'truongsoRebuildSite');
  CREATE TABLE "schools" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"name" varchar,
  	"stt" numeric,
  	"level" "enum_schools_level",
  	"level_name" varchar,
  	"host" varchar,
  	"url" varchar,
  	"template" "enum_schools_template",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_district_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_district_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_memberships_roles" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_users_memberships_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_memberships" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"department_id" integer
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"full_name" varchar NOT NULL,
  	"password_changed_at" timestamp(3) with time zone,
  	"password_set_by_admin" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "introductions_leaders" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"position" varchar,
  	"unit" varchar,
  	"phone" varchar
  );
  
  CREATE TABLE "introductions_unions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_introductions_unions_kind",
  	"description" jsonb
  );
  
  CREATE TABLE "introductions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"school_name" varchar,
  	"functions" jsonb,
  	"structure" jsonb,
  	"org_chart_id" integer,
  	"history" jsonb,
  	"address" varchar,
  	"phone" varchar,
  	"email" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_introductions_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_introductions_v_version_leaders" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"position" varchar,
  	"unit" varchar,
  	"phone" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_introductions_v_version_unions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__introductions_v_version_unions_kind",
  	"description" jsonb,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_introductions_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_school_id" integer,
  	"version_school_name" varchar,
  	"version_functions" jsonb,
  	"version_structure" jsonb,
  	"version_org_chart_id" integer,
  	"version_history" jsonb,
  	"version_address" varchar,
  	"version_phone" varchar,
  	"version_email" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__introductions_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "posts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"title" varchar,
  	"slug" varchar,
  	"section" "enum_posts_section" DEFAULT 'thong-bao',
  	"summary" varchar,
  	"cover_id" integer,
  	"content" jsonb,
  	"school_year" varchar,
  	"published_date" timestamp(3) with time zone,
  	"workflow_state" "enum_posts_workflow_state" DEFAULT 'draft',
  	"last_return_reason" varchar,
  	"author_id" integer,
  	"department_id" integer,
  	"shows_students" boolean,
  	"consent" varchar,
  	"publish_at" timestamp(3) with time zone,
  	"unpublish_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_posts_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "posts_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "posts_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "_posts_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_school_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_section" "enum__posts_v_version_section" DEFAULT 'thong-bao',
  	"version_summary" varchar,
  	"version_cover_id" integer,
  	"version_content" jsonb,
  	"version_school_year" varchar,
  	"version_published_date" timestamp(3) with time zone,
  	"version_workflow_state" "enum__posts_v_version_workflow_state" DEFAULT 'draft',
  	"version_last_return_reason" varchar,
  	"version_author_id" integer,
  	"version_department_id" integer,
  	"version_shows_students" boolean,
  	"version_consent" varchar,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_unpublish_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__posts_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_posts_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_posts_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "disclosures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"title" varchar,
  	"slug" varchar,
  	"group" "enum_disclosures_group",
  	"school_year" varchar,
  	"period_start" timestamp(3) with time zone,
  	"summary" varchar,
  	"content" jsonb,
  	"published_date" timestamp(3) with time zone,
  	"workflow_state" "enum_disclosures_workflow_state" DEFAULT 'draft',
  	"last_return_reason" varchar,
  	"author_id" integer,
  	"department_id" integer,
  	"shows_students" boolean,
  	"consent" varchar,
  	"publish_at" timestamp(3) with time zone,
  	"unpublish_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_disclosures_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "disclosures_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "_disclosures_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_school_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_group" "enum__disclosures_v_version_group",
  	"version_school_year" varchar,
  	"version_period_start" timestamp(3) with time zone,
  	"version_summary" varchar,
  	"version_content" jsonb,
  	"version_published_date" timestamp(3) with time zone,
  	"version_workflow_state" "enum__disclosures_v_version_workflow_state" DEFAULT 'draft',
  	"version_last_return_reason" varchar,
  	"version_author_id" integer,
  	"version_department_id" integer,
  	"version_shows_students" boolean,
  	"version_consent" varchar,
  	"version_publish_at" timestamp(3) with time zone,
  	"version_unpublish_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__disclosures_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_disclosures_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"documents_id" integer
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"alt" varchar NOT NULL,
  	"caption" varchar,
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
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"title" varchar NOT NULL,
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
  
  CREATE TABLE "school_years_terms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"term" "enum_school_years_terms_term" NOT NULL,
  	"start" timestamp(3) with time zone NOT NULL,
  	"end" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "school_years" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"name" varchar NOT NULL,
  	"current" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "subjects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"name" varchar NOT NULL,
  	"grade" numeric NOT NULL,
  	"school_year" varchar NOT NULL,
  	"kind" "enum_subjects_kind" NOT NULL,
  	"periods_per_year" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "departments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"name" varchar NOT NULL,
  	"kind" "enum_departments_kind" DEFAULT 'chuyen-mon' NOT NULL,
  	"leader_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "staff" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"full_name" varchar NOT NULL,
  	"current_position" varchar,
  	"department_id" integer,
  	"user_id" integer,
  	"photo_id" integer,
  	"cccd" varchar,
  	"date_of_birth" timestamp(3) with time zone,
  	"birthplace" varchar,
  	"sex" "enum_staff_sex",
  	"ethnicity" varchar,
  	"religion" varchar,
  	"nationality" varchar DEFAULT 'Việt Nam',
  	"home_town" varchar,
  	"permanent_address" varchar,
  	"current_address" varchar,
  	"mobile" varchar,
  	"email" varchar,
  	"marital_status" varchar,
  	"family_priority" varchar,
  	"personal_priority" varchar,
  	"contract_date" timestamp(3) with time zone,
  	"recruitment_date" timestamp(3) with time zone,
  	"contract_type" varchar,
  	"assigned_work" varchar,
  	"work_group" varchar,
  	"current_work" varchar,
  	"concurrent_positions" varchar,
  	"qualification_group" varchar,
  	"training_field" varchar,
  	"training_major" varchar,
  	"institution" varchar,
  	"training_mode" varchar,
  	"graduation_year" numeric,
  	"standard_level" varchar,
  	"political_theory" varchar,
  	"state_management" varchar,
  	"education_management" varchar,
  	"foreign_language" varchar,
  	"foreign_language_level" varchar,
  	"it_level" varchar,
  	"teacher_rank" varchar,
  	"main_subject" varchar,
  	"secondary_subject" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "classes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"name" varchar NOT NULL,
  	"grade" numeric NOT NULL,
  	"school_year" varchar NOT NULL,
  	"homeroom_teacher_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "students" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"student_code" varchar NOT NULL,
  	"full_name" varchar NOT NULL,
  	"date_of_birth" timestamp(3) with time zone,
  	"sex" "enum_students_sex",
  	"current_class_id" integer,
  	"status" "enum_students_status" DEFAULT 'studying',
  	"homeroom_teacher_id" integer,
  	"cccd" varchar,
  	"cohort" varchar,
  	"photo_id" integer,
  	"ethnicity" varchar,
  	"religion" varchar,
  	"birthplace" varchar,
  	"current_address" varchar,
  	"permanent_address" varchar,
  	"phone" varchar,
  	"policy_category" varchar,
  	"father_name" varchar,
  	"father_occupation" varchar,
  	"mother_name" varchar,
  	"mother_occupation" varchar,
  	"image_consent" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "enrolments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"student_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"school_year" varchar NOT NULL,
  	"start_date" timestamp(3) with time zone NOT NULL,
  	"end_date" timestamp(3) with time zone,
  	"start_kind" "enum_enrolments_start_kind" DEFAULT 'enrolled',
  	"end_kind" "enum_enrolments_end_kind",
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "teaching_assignments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"teacher_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"subject" varchar NOT NULL,
  	"term" "enum_teaching_assignments_term" DEFAULT 'year' NOT NULL,
  	"school_year" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "record_access_logs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"reader_id" integer,
  	"kind" "enum_record_access_logs_kind" DEFAULT 'profile',
  	"student_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "record_access_logs_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"students_id" integer
  );
  
  CREATE TABLE "record_photos" (
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
  	"focal_y" numeric,
  	"sizes_portrait_url" varchar,
  	"sizes_portrait_width" numeric,
  	"sizes_portrait_height" numeric,
  	"sizes_portrait_mime_type" varchar,
  	"sizes_portrait_filesize" numeric,
  	"sizes_portrait_filename" varchar
  );
  
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"collection_slug" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"posts_id" integer,
  	"disclosures_id" integer,
  	"action" "enum_workflow_events_action" NOT NULL,
  	"from_state" "enum_workflow_events_from_state",
  	"to_state" "enum_workflow_events_to_state",
  	"actor_id" integer,
  	"actor_role" "enum_workflow_events_actor_role",
  	"reason" varchar,
  	"version_id" varchar,
  	"title" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_builds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"status" "enum_site_builds_status" NOT NULL,
  	"summary" varchar,
  	"cause" varchar,
  	"trigger" varchar,
  	"requested_at" timestamp(3) with time zone,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"pages" numeric,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"schools_id" integer,
  	"users_id" integer,
  	"introductions_id" integer,
  	"posts_id" integer,
  	"disclosures_id" integer,
  	"media_id" integer,
  	"documents_id" integer,
  	"school_years_id" integer,
  	"subjects_id" integer,
  	"departments_id" integer,
  	"staff_id" integer,
  	"classes_id" integer,
  	"students_id" integer,
  	"enrolments_id" integer,
  	"teaching_assignments_id" integer,
  	"record_access_logs_id" integer,
  	"record_photos_id" integer,
  	"workflow_events_id" integer,
  	"site_builds_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_district_roles" ADD CONSTRAINT "users_district_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_memberships_roles" ADD CONSTRAINT "users_memberships_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users_memberships"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_memberships" ADD CONSTRAINT "users_memberships_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_memberships" ADD CONSTRAINT "users_memberships_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_memberships" ADD CONSTRAINT "users_memberships_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "introductions_leaders" ADD CONSTRAINT "introductions_leaders_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "introductions_unions" ADD CONSTRAINT "introductions_unions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "introductions" ADD CONSTRAINT "introductions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "introductions" ADD CONSTRAINT "introductions_org_chart_id_media_id_fk" FOREIGN KEY ("org_chart_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_introductions_v_version_leaders" ADD CONSTRAINT "_introductions_v_version_leaders_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_introductions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_introductions_v_version_unions" ADD CONSTRAINT "_introductions_v_version_unions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_introductions_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_introductions_v" ADD CONSTRAINT "_introductions_v_parent_id_introductions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."introductions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_introductions_v" ADD CONSTRAINT "_introductions_v_version_school_id_schools_id_fk" FOREIGN KEY ("version_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_introductions_v" ADD CONSTRAINT "_introductions_v_version_org_chart_id_media_id_fk" FOREIGN KEY ("version_org_chart_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_cover_id_media_id_fk" FOREIGN KEY ("cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts" ADD CONSTRAINT "posts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts_texts" ADD CONSTRAINT "posts_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_parent_id_posts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_school_id_schools_id_fk" FOREIGN KEY ("version_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_cover_id_media_id_fk" FOREIGN KEY ("version_cover_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v" ADD CONSTRAINT "_posts_v_version_department_id_departments_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_posts_v_texts" ADD CONSTRAINT "_posts_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_posts_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_posts_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "disclosures_rels" ADD CONSTRAINT "disclosures_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."disclosures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "disclosures_rels" ADD CONSTRAINT "disclosures_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_disclosures_v" ADD CONSTRAINT "_disclosures_v_parent_id_disclosures_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."disclosures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_disclosures_v" ADD CONSTRAINT "_disclosures_v_version_school_id_schools_id_fk" FOREIGN KEY ("version_school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_disclosures_v" ADD CONSTRAINT "_disclosures_v_version_author_id_users_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_disclosures_v" ADD CONSTRAINT "_disclosures_v_version_department_id_departments_id_fk" FOREIGN KEY ("version_department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_disclosures_v_rels" ADD CONSTRAINT "_disclosures_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_disclosures_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_disclosures_v_rels" ADD CONSTRAINT "_disclosures_v_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents" ADD CONSTRAINT "documents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "school_years_terms" ADD CONSTRAINT "school_years_terms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "school_years" ADD CONSTRAINT "school_years_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subjects" ADD CONSTRAINT "subjects_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "departments" ADD CONSTRAINT "departments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "departments" ADD CONSTRAINT "departments_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff" ADD CONSTRAINT "staff_photo_id_record_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."record_photos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_homeroom_teacher_id_users_id_fk" FOREIGN KEY ("homeroom_teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "students" ADD CONSTRAINT "students_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "students" ADD CONSTRAINT "students_current_class_id_classes_id_fk" FOREIGN KEY ("current_class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "students" ADD CONSTRAINT "students_homeroom_teacher_id_users_id_fk" FOREIGN KEY ("homeroom_teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "students" ADD CONSTRAINT "students_photo_id_record_photos_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."record_photos"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "teaching_assignments" ADD CONSTRAINT "teaching_assignments_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "record_access_logs" ADD CONSTRAINT "record_access_logs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "record_access_logs" ADD CONSTRAINT "record_access_logs_reader_id_users_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "record_access_logs" ADD CONSTRAINT "record_access_logs_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "record_access_logs_rels" ADD CONSTRAINT "record_access_logs_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."record_access_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "record_access_logs_rels" ADD CONSTRAINT "record_access_logs_rels_students_fk" FOREIGN KEY ("students_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "record_photos" ADD CONSTRAINT "record_photos_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "record_photos" ADD CONSTRAINT "record_photos_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_posts_id_posts_id_fk" FOREIGN KEY ("posts_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_disclosures_id_disclosures_id_fk" FOREIGN KEY ("disclosures_id") REFERENCES "public"."disclosures"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "site_builds" ADD CONSTRAINT "site_builds_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_schools_fk" FOREIGN KEY ("schools_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_introductions_fk" FOREIGN KEY ("introductions_id") REFERENCES "public"."introductions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_posts_fk" FOREIGN KEY ("posts_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_disclosures_fk" FOREIGN KEY ("disclosures_id") REFERENCES "public"."disclosures"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_documents_fk" FOREIGN KEY ("documents_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_school_years_fk" FOREIGN KEY ("school_years_id") REFERENCES "public"."school_years"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subjects_fk" FOREIGN KEY ("subjects_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_staff_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_classes_fk" FOREIGN KEY ("classes_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_students_fk" FOREIGN KEY ("students_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_enrolments_fk" FOREIGN KEY ("enrolments_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_teaching_assignments_fk" FOREIGN KEY ("teaching_assignments_id") REFERENCES "public"."teaching_assignments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_record_access_logs_fk" FOREIGN KEY ("record_access_logs_id") REFERENCES "public"."record_access_logs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_record_photos_fk" FOREIGN KEY ("record_photos_id") REFERENCES "public"."record_photos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_builds_fk" FOREIGN KEY ("site_builds_id") REFERENCES "public"."site_builds"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "schools_slug_idx" ON "schools" USING btree ("slug");
  CREATE UNIQUE INDEX "schools_host_idx" ON "schools" USING btree ("host");
  CREATE INDEX "schools_updated_at_idx" ON "schools" USING btree ("updated_at");
  CREATE INDEX "schools_created_at_idx" ON "schools" USING btree ("created_at");
  CREATE INDEX "users_district_roles_order_idx" ON "users_district_roles" USING btree ("order");
  CREATE INDEX "users_district_roles_parent_idx" ON "users_district_roles" USING btree ("parent_id");
  CREATE INDEX "users_memberships_roles_order_idx" ON "users_memberships_roles" USING btree ("order");
  CREATE INDEX "users_memberships_roles_parent_idx" ON "users_memberships_roles" USING btree ("parent_id");
  CREATE INDEX "users_memberships_order_idx" ON "users_memberships" USING btree ("_order");
  CREATE INDEX "users_memberships_parent_id_idx" ON "users_memberships" USING btree ("_parent_id");
  CREATE INDEX "users_memberships_school_idx" ON "users_memberships" USING btree ("school_id");
  CREATE INDEX "users_memberships_department_idx" ON "users_memberships" USING btree ("department_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "introductions_leaders_order_idx" ON "introductions_leaders" USING btree ("_order");
  CREATE INDEX "introductions_leaders_parent_id_idx" ON "introductions_leaders" USING btree ("_parent_id");
  CREATE INDEX "introductions_unions_order_idx" ON "introductions_unions" USING btree ("_order");
  CREATE INDEX "introductions_unions_parent_id_idx" ON "introductions_unions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "introductions_school_idx" ON "introductions" USING btree ("school_id");
  CREATE INDEX "introductions_org_chart_idx" ON "introductions" USING btree ("org_chart_id");
  CREATE INDEX "introductions_updated_at_idx" ON "introductions" USING btree ("updated_at");
  CREATE INDEX "introductions_created_at_idx" ON "introductions" USING btree ("created_at");
  CREATE INDEX "introductions__status_idx" ON "introductions" USING btree ("_status");
  CREATE INDEX "_introductions_v_version_leaders_order_idx" ON "_introductions_v_version_leaders" USING btree ("_order");
  CREATE INDEX "_introductions_v_version_leaders_parent_id_idx" ON "_introductions_v_version_leaders" USING btree ("_parent_id");
  CREATE INDEX "_introductions_v_version_unions_order_idx" ON "_introductions_v_version_unions" USING btree ("_order");
  CREATE INDEX "_introductions_v_version_unions_parent_id_idx" ON "_introductions_v_version_unions" USING btree ("_parent_id");
  CREATE INDEX "_introductions_v_parent_idx" ON "_introductions_v" USING btree ("parent_id");
  CREATE INDEX "_introductions_v_version_version_school_idx" ON "_introductions_v" USING btree ("version_school_id");
  CREATE INDEX "_introductions_v_version_version_org_chart_idx" ON "_introductions_v" USING btree ("version_org_chart_id");
  CREATE INDEX "_introductions_v_version_version_updated_at_idx" ON "_introductions_v" USING btree ("version_updated_at");
  CREATE INDEX "_introductions_v_version_version_created_at_idx" ON "_introductions_v" USING btree ("version_created_at");
  CREATE INDEX "_introductions_v_version_version__status_idx" ON "_introductions_v" USING btree ("version__status");
  CREATE INDEX "_introductions_v_created_at_idx" ON "_introductions_v" USING btree ("created_at");
  CREATE INDEX "_introductions_v_updated_at_idx" ON "_introductions_v" USING btree ("updated_at");
  CREATE INDEX "_introductions_v_latest_idx" ON "_introductions_v" USING btree ("latest");
  CREATE INDEX "posts_school_idx" ON "posts" USING btree ("school_id");
  CREATE INDEX "posts_slug_idx" ON "posts" USING btree ("slug");
  CREATE INDEX "posts_section_idx" ON "posts" USING btree ("section");
  CREATE INDEX "posts_cover_idx" ON "posts" USING btree ("cover_id");
  CREATE INDEX "posts_published_date_idx" ON "posts" USING btree ("published_date");
  CREATE INDEX "posts_workflow_state_idx" ON "posts" USING btree ("workflow_state");
  CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id");
  CREATE INDEX "posts_department_idx" ON "posts" USING btree ("department_id");
  CREATE INDEX "posts_updated_at_idx" ON "posts" USING btree ("updated_at");
  CREATE INDEX "posts_created_at_idx" ON "posts" USING btree ("created_at");
  CREATE INDEX "posts__status_idx" ON "posts" USING btree ("_status");
  CREATE INDEX "posts_texts_order_parent" ON "posts_texts" USING btree ("order","parent_id");
  CREATE INDEX "posts_rels_order_idx" ON "posts_rels" USING btree ("order");
  CREATE INDEX "posts_rels_parent_idx" ON "posts_rels" USING btree ("parent_id");
  CREATE INDEX "posts_rels_path_idx" ON "posts_rels" USING btree ("path");
  CREATE INDEX "posts_rels_documents_id_idx" ON "posts_rels" USING btree ("documents_id");
  CREATE INDEX "_posts_v_parent_idx" ON "_posts_v" USING btree ("parent_id");
  CREATE INDEX "_posts_v_version_version_school_idx" ON "_posts_v" USING btree ("version_school_id");
  CREATE INDEX "_posts_v_version_version_slug_idx" ON "_posts_v" USING btree ("version_slug");
  CREATE INDEX "_posts_v_version_version_section_idx" ON "_posts_v" USING btree ("version_section");
  CREATE INDEX "_posts_v_version_version_cover_idx" ON "_posts_v" USING btree ("version_cover_id");
  CREATE INDEX "_posts_v_version_version_published_date_idx" ON "_posts_v" USING btree ("version_published_date");
  CREATE INDEX "_posts_v_version_version_workflow_state_idx" ON "_posts_v" USING btree ("version_workflow_state");
  CREATE INDEX "_posts_v_version_version_author_idx" ON "_posts_v" USING btree ("version_author_id");
  CREATE INDEX "_posts_v_version_version_department_idx" ON "_posts_v" USING btree ("version_department_id");
  CREATE INDEX "_posts_v_version_version_updated_at_idx" ON "_posts_v" USING btree ("version_updated_at");
  CREATE INDEX "_posts_v_version_version_created_at_idx" ON "_posts_v" USING btree ("version_created_at");
  CREATE INDEX "_posts_v_version_version__status_idx" ON "_posts_v" USING btree ("version__status");
  CREATE INDEX "_posts_v_created_at_idx" ON "_posts_v" USING btree ("created_at");
  CREATE INDEX "_posts_v_updated_at_idx" ON "_posts_v" USING btree ("updated_at");
  CREATE INDEX "_posts_v_latest_idx" ON "_posts_v" USING btree ("latest");
  CREATE INDEX "_posts_v_texts_order_parent" ON "_posts_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_posts_v_rels_order_idx" ON "_posts_v_rels" USING btree ("order");
  CREATE INDEX "_posts_v_rels_parent_idx" ON "_posts_v_rels" USING btree ("parent_id");
  CREATE INDEX "_posts_v_rels_path_idx" ON "_posts_v_rels" USING btree ("path");
  CREATE INDEX "_posts_v_rels_documents_id_idx" ON "_posts_v_rels" USING btree ("documents_id");
  CREATE INDEX "disclosures_school_idx" ON "disclosures" USING btree ("school_id");
  CREATE INDEX "disclosures_slug_idx" ON "disclosures" USING btree ("slug");
  CREATE INDEX "disclosures_group_idx" ON "disclosures" USING btree ("group");
  CREATE INDEX "disclosures_school_year_idx" ON "disclosures" USING btree ("school_year");
  CREATE INDEX "disclosures_published_date_idx" ON "disclosures" USING btree ("published_date");
  CREATE INDEX "disclosures_workflow_state_idx" ON "disclosures" USING btree ("workflow_state");
  CREATE INDEX "disclosures_author_idx" ON "disclosures" USING btree ("author_id");
  CREATE INDEX "disclosures_department_idx" ON "disclosures" USING btree ("department_id");
  CREATE INDEX "disclosures_updated_at_idx" ON "disclosures" USING btree ("updated_at");
  CREATE INDEX "disclosures_created_at_idx" ON "disclosures" USING btree ("created_at");
  CREATE INDEX "disclosures__status_idx" ON "disclosures" USING btree ("_status");
  CREATE INDEX "disclosures_rels_order_idx" ON "disclosures_rels" USING btree ("order");
  CREATE INDEX "disclosures_rels_parent_idx" ON "disclosures_rels" USING btree ("parent_id");
  CREATE INDEX "disclosures_rels_path_idx" ON "disclosures_rels" USING btree ("path");
  CREATE INDEX "disclosures_rels_documents_id_idx" ON "disclosures_rels" USING btree ("documents_id");
  CREATE INDEX "_disclosures_v_parent_idx" ON "_disclosures_v" USING btree ("parent_id");
  CREATE INDEX "_disclosures_v_version_version_school_idx" ON "_disclosures_v" USING btree ("version_school_id");
  CREATE INDEX "_disclosures_v_version_version_slug_idx" ON "_disclosures_v" USING btree ("version_slug");
  CREATE INDEX "_disclosures_v_version_version_group_idx" ON "_disclosures_v" USING btree ("version_group");
  CREATE INDEX "_disclosures_v_version_version_school_year_idx" ON "_disclosures_v" USING btree ("version_school_year");
  CREATE INDEX "_disclosures_v_version_version_published_date_idx" ON "_disclosures_v" USING btree ("version_published_date");
  CREATE INDEX "_disclosures_v_version_version_workflow_state_idx" ON "_disclosures_v" USING btree ("version_workflow_state");
  CREATE INDEX "_disclosures_v_version_version_author_idx" ON "_disclosures_v" USING btree ("version_author_id");
  CREATE INDEX "_disclosures_v_version_version_department_idx" ON "_disclosures_v" USING btree ("version_department_id");
  CREATE INDEX "_disclosures_v_version_version_updated_at_idx" ON "_disclosures_v" USING btree ("version_updated_at");
  CREATE INDEX "_disclosures_v_version_version_created_at_idx" ON "_disclosures_v" USING btree ("version_created_at");
  CREATE INDEX "_disclosures_v_version_version__status_idx" ON "_disclosures_v" USING btree ("version__status");
  CREATE INDEX "_disclosures_v_created_at_idx" ON "_disclosures_v" USING btree ("created_at");
  CREATE INDEX "_disclosures_v_updated_at_idx" ON "_disclosures_v" USING btree ("updated_at");
  CREATE INDEX "_disclosures_v_latest_idx" ON "_disclosures_v" USING btree ("latest");
  CREATE INDEX "_disclosures_v_rels_order_idx" ON "_disclosures_v_rels" USING btree ("order");
  CREATE INDEX "_disclosures_v_rels_parent_idx" ON "_disclosures_v_rels" USING btree ("parent_id");
  CREATE INDEX "_disclosures_v_rels_path_idx" ON "_disclosures_v_rels" USING btree ("path");
  CREATE INDEX "_disclosures_v_rels_documents_id_idx" ON "_disclosures_v_rels" USING btree ("documents_id");
  CREATE INDEX "media_school_idx" ON "media" USING btree ("school_id");
  CREATE INDEX "media_uploaded_by_idx" ON "media" USING btree ("uploaded_by_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE INDEX "documents_school_idx" ON "documents" USING btree ("school_id");
  CREATE INDEX "documents_uploaded_by_idx" ON "documents" USING btree ("uploaded_by_id");
  CREATE INDEX "documents_updated_at_idx" ON "documents" USING btree ("updated_at");
  CREATE INDEX "documents_created_at_idx" ON "documents" USING btree ("created_at");
  CREATE UNIQUE INDEX "documents_filename_idx" ON "documents" USING btree ("filename");
  CREATE INDEX "school_years_terms_order_idx" ON "school_years_terms" USING btree ("_order");
  CREATE INDEX "school_years_terms_parent_id_idx" ON "school_years_terms" USING btree ("_parent_id");
  CREATE INDEX "school_years_school_idx" ON "school_years" USING btree ("school_id");
  CREATE INDEX "school_years_updated_at_idx" ON "school_years" USING btree ("updated_at");
  CREATE INDEX "school_years_created_at_idx" ON "school_years" USING btree ("created_at");
  CREATE INDEX "subjects_school_idx" ON "subjects" USING btree ("school_id");
  CREATE INDEX "subjects_grade_idx" ON "subjects" USING btree ("grade");
  CREATE INDEX "subjects_school_year_idx" ON "subjects" USING btree ("school_year");
  CREATE INDEX "subjects_updated_at_idx" ON "subjects" USING btree ("updated_at");
  CREATE INDEX "subjects_created_at_idx" ON "subjects" USING btree ("created_at");
  CREATE INDEX "departments_school_idx" ON "departments" USING btree ("school_id");
  CREATE INDEX "departments_leader_idx" ON "departments" USING btree ("leader_id");
  CREATE INDEX "departments_updated_at_idx" ON "departments" USING btree ("updated_at");
  CREATE INDEX "departments_created_at_idx" ON "departments" USING btree ("created_at");
  CREATE INDEX "staff_school_idx" ON "staff" USING btree ("school_id");
  CREATE INDEX "staff_department_idx" ON "staff" USING btree ("department_id");
  CREATE INDEX "staff_user_idx" ON "staff" USING btree ("user_id");
  CREATE INDEX "staff_photo_idx" ON "staff" USING btree ("photo_id");
  CREATE INDEX "staff_updated_at_idx" ON "staff" USING btree ("updated_at");
  CREATE INDEX "staff_created_at_idx" ON "staff" USING btree ("created_at");
  CREATE INDEX "classes_school_idx" ON "classes" USING btree ("school_id");
  CREATE INDEX "classes_school_year_idx" ON "classes" USING btree ("school_year");
  CREATE INDEX "classes_homeroom_teacher_idx" ON "classes" USING btree ("homeroom_teacher_id");
  CREATE INDEX "classes_updated_at_idx" ON "classes" USING btree ("updated_at");
  CREATE INDEX "classes_created_at_idx" ON "classes" USING btree ("created_at");
  CREATE INDEX "students_school_idx" ON "students" USING btree ("school_id");
  CREATE INDEX "students_student_code_idx" ON "students" USING btree ("student_code");
  CREATE INDEX "students_current_class_idx" ON "students" USING btree ("current_class_id");
  CREATE INDEX "students_status_idx" ON "students" USING btree ("status");
  CREATE INDEX "students_homeroom_teacher_idx" ON "students" USING btree ("homeroom_teacher_id");
  CREATE INDEX "students_photo_idx" ON "students" USING btree ("photo_id");
  CREATE INDEX "students_updated_at_idx" ON "students" USING btree ("updated_at");
  CREATE INDEX "students_created_at_idx" ON "students" USING btree ("created_at");
  CREATE INDEX "enrolments_school_idx" ON "enrolments" USING btree ("school_id");
  CREATE INDEX "enrolments_student_idx" ON "enrolments" USING btree ("student_id");
  CREATE INDEX "enrolments_class_idx" ON "enrolments" USING btree ("class_id");
  CREATE INDEX "enrolments_start_date_idx" ON "enrolments" USING btree ("start_date");
  CREATE INDEX "enrolments_end_date_idx" ON "enrolments" USING btree ("end_date");
  CREATE INDEX "enrolments_updated_at_idx" ON "enrolments" USING btree ("updated_at");
  CREATE INDEX "enrolments_created_at_idx" ON "enrolments" USING btree ("created_at");
  CREATE INDEX "teaching_assignments_school_idx" ON "teaching_assignments" USING btree ("school_id");
  CREATE INDEX "teaching_assignments_teacher_idx" ON "teaching_assignments" USING btree ("teacher_id");
  CREATE INDEX "teaching_assignments_class_idx" ON "teaching_assignments" USING btree ("class_id");
  CREATE INDEX "teaching_assignments_updated_at_idx" ON "teaching_assignments" USING btree ("updated_at");
  CREATE INDEX "teaching_assignments_created_at_idx" ON "teaching_assignments" USING btree ("created_at");
  CREATE INDEX "record_access_logs_school_idx" ON "record_access_logs" USING btree ("school_id");
  CREATE INDEX "record_access_logs_reader_idx" ON "record_access_logs" USING btree ("reader_id");
  CREATE INDEX "record_access_logs_student_idx" ON "record_access_logs" USING btree ("student_id");
  CREATE INDEX "record_access_logs_updated_at_idx" ON "record_access_logs" USING btree ("updated_at");
  CREATE INDEX "record_access_logs_created_at_idx" ON "record_access_logs" USING btree ("created_at");
  CREATE INDEX "record_access_logs_rels_order_idx" ON "record_access_logs_rels" USING btree ("order");
  CREATE INDEX "record_access_logs_rels_parent_idx" ON "record_access_logs_rels" USING btree ("parent_id");
  CREATE INDEX "record_access_logs_rels_path_idx" ON "record_access_logs_rels" USING btree ("path");
  CREATE INDEX "record_access_logs_rels_students_id_idx" ON "record_access_logs_rels" USING btree ("students_id");
  CREATE INDEX "record_photos_school_idx" ON "record_photos" USING btree ("school_id");
  CREATE INDEX "record_photos_uploaded_by_idx" ON "record_photos" USING btree ("uploaded_by_id");
  CREATE INDEX "record_photos_updated_at_idx" ON "record_photos" USING btree ("updated_at");
  CREATE INDEX "record_photos_created_at_idx" ON "record_photos" USING btree ("created_at");
  CREATE UNIQUE INDEX "record_photos_filename_idx" ON "record_photos" USING btree ("filename");
  CREATE INDEX "record_photos_sizes_portrait_sizes_portrait_filename_idx" ON "record_photos" USING btree ("sizes_portrait_filename");
  CREATE INDEX "workflow_events_school_idx" ON "workflow_events" USING btree ("school_id");
  CREATE INDEX "workflow_events_collection_slug_idx" ON "workflow_events" USING btree ("collection_slug");
  CREATE INDEX "workflow_events_document_id_idx" ON "workflow_events" USING btree ("document_id");
  CREATE INDEX "workflow_events_posts_idx" ON "workflow_events" USING btree ("posts_id");
  CREATE INDEX "workflow_events_disclosures_idx" ON "workflow_events" USING btree ("disclosures_id");
  CREATE INDEX "workflow_events_actor_idx" ON "workflow_events" USING btree ("actor_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "site_builds_school_idx" ON "site_builds" USING btree ("school_id");
  CREATE INDEX "site_builds_status_idx" ON "site_builds" USING btree ("status");
  CREATE INDEX "site_builds_requested_at_idx" ON "site_builds" USING btree ("requested_at");
  CREATE INDEX "site_builds_updated_at_idx" ON "site_builds" USING btree ("updated_at");
  CREATE INDEX "site_builds_created_at_idx" ON "site_builds" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_schools_id_idx" ON "payload_locked_documents_rels" USING btree ("schools_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_introductions_id_idx" ON "payload_locked_documents_rels" USING btree ("introductions_id");
  CREATE INDEX "payload_locked_documents_rels_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("posts_id");
  CREATE INDEX "payload_locked_documents_rels_disclosures_id_idx" ON "payload_locked_documents_rels" USING btree ("disclosures_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_documents_id_idx" ON "payload_locked_documents_rels" USING btree ("documents_id");
  CREATE INDEX "payload_locked_documents_rels_school_years_id_idx" ON "payload_locked_documents_rels" USING btree ("school_years_id");
  CREATE INDEX "payload_locked_documents_rels_subjects_id_idx" ON "payload_locked_documents_rels" USING btree ("subjects_id");
  CREATE INDEX "payload_locked_documents_rels_departments_id_idx" ON "payload_locked_documents_rels" USING btree ("departments_id");
  CREATE INDEX "payload_locked_documents_rels_staff_id_idx" ON "payload_locked_documents_rels" USING btree ("staff_id");
  CREATE INDEX "payload_locked_documents_rels_classes_id_idx" ON "payload_locked_documents_rels" USING btree ("classes_id");
  CREATE INDEX "payload_locked_documents_rels_students_id_idx" ON "payload_locked_documents_rels" USING btree ("students_id");
  CREATE INDEX "payload_locked_documents_rels_enrolments_id_idx" ON "payload_locked_documents_rels" USING btree ("enrolments_id");
  CREATE INDEX "payload_locked_documents_rels_teaching_assignments_id_idx" ON "payload_locked_documents_rels" USING btree ("teaching_assignments_id");
  CREATE INDEX "payload_locked_documents_rels_record_access_logs_id_idx" ON "payload_locked_documents_rels" USING btree ("record_access_logs_id");
  CREATE INDEX "payload_locked_documents_rels_record_photos_id_idx" ON "payload_locked_documents_rels" USING btree ("record_photos_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");
  CREATE INDEX "payload_locked_documents_rels_site_builds_id_idx" ON "payload_locked_documents_rels" USING btree ("site_builds_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "schools" CASCADE;
  DROP TABLE "users_district_roles" CASCADE;
  DROP TABLE "users_memberships_roles" CASCADE;
  DROP TABLE "users_memberships" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "introductions_leaders" CASCADE;
  DROP TABLE "introductions_unions" CASCADE;
  DROP TABLE "introductions" CASCADE;
  DROP TABLE "_introductions_v_version_leaders" CASCADE;
  DROP TABLE "_introductions_v_version_unions" CASCADE;
  DROP TABLE "_introductions_v" CASCADE;
  DROP TABLE "posts" CASCADE;
  DROP TABLE "posts_texts" CASCADE;
  DROP TABLE "posts_rels" CASCADE;
  DROP TABLE "_posts_v" CASCADE;
  DROP TABLE "_posts_v_texts" CASCADE;
  DROP TABLE "_posts_v_rels" CASCADE;
  DROP TABLE "disclosures" CASCADE;
  DROP TABLE "disclosures_rels" CASCADE;
  DROP TABLE "_disclosures_v" CASCADE;
  DROP TABLE "_disclosures_v_rels" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "documents" CASCADE;
  DROP TABLE "school_years_terms" CASCADE;
  DROP TABLE "school_years" CASCADE;
  DROP TABLE "subjects" CASCADE;
  DROP TABLE "departments" CASCADE;
  DROP TABLE "staff" CASCADE;
  DROP TABLE "classes" CASCADE;
  DROP TABLE "students" CASCADE;
  DROP TABLE "enrolments" CASCADE;
  DROP TABLE "teaching_assignments" CASCADE;
  DROP TABLE "record_access_logs" CASCADE;
  DROP TABLE "record_access_logs_rels" CASCADE;
  DROP TABLE "record_photos" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "site_builds" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_schools_level";
  DROP TYPE "public"."enum_schools_template";
  DROP TYPE "public"."enum_users_district_roles";
  DROP TYPE "public"."enum_users_memberships_roles";
  DROP TYPE "public"."enum_introductions_unions_kind";
  DROP TYPE "public"."enum_introductions_status";
  DROP TYPE "public"."enum__introductions_v_version_unions_kind";
  DROP TYPE "public"."enum__introductions_v_version_status";
  DROP TYPE "public"."enum_posts_section";
  DROP TYPE "public"."enum_posts_workflow_state";
  DROP TYPE "public"."enum_posts_status";
  DROP TYPE "public"."enum__posts_v_version_section";
  DROP TYPE "public"."enum__posts_v_version_workflow_state";
  DROP TYPE "public"."enum__posts_v_version_status";
  DROP TYPE "public"."enum_disclosures_group";
  DROP TYPE "public"."enum_disclosures_workflow_state";
  DROP TYPE "public"."enum_disclosures_status";
  DROP TYPE "public"."enum__disclosures_v_version_group";
  DROP TYPE "public"."enum__disclosures_v_version_workflow_state";
  DROP TYPE "public"."enum__disclosures_v_version_status";
  DROP TYPE "public"."enum_school_years_terms_term";
  DROP TYPE "public"."enum_subjects_kind";
  DROP TYPE "public"."enum_departments_kind";
  DROP TYPE "public"."enum_staff_sex";
  DROP TYPE "public"."enum_students_sex";
  DROP TYPE "public"."enum_students_status";
  DROP TYPE "public"."enum_enrolments_start_kind";
  DROP TYPE "public"."enum_enrolments_end_kind";
  DROP TYPE "public"."enum_teaching_assignments_term";
  DROP TYPE "public"."enum_record_access_logs_kind";
  DROP TYPE "public"."enum_workflow_events_action";
  DROP TYPE "public"."enum_workflow_events_from_state";
  DROP TYPE "public"."enum_workflow_events_to_state";
  DROP TYPE "public"."enum_workflow_events_actor_role";
  DROP TYPE "public"."enum_site_builds_status";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
