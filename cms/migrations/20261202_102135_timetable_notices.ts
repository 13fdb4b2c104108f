import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_timetable_notices_status" AS ENUM('queued', 'sent');
  CREATE TABLE "timetable_notices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"key" varchar,
  	"class_id" integer NOT NULL,
  	"week_start" varchar NOT NULL,
  	"week_end" varchar,
  	"school_year" varchar,
  	"status" "enum_timetable_notices_status" DEFAULT 'queued' NOT NULL,
  	"snapshot" jsonb NOT NULL,
  	"lessons" numeric,
  	"students" numeric,
  	"families" numeric,
  	"without_contact" numeric,
  	"message" varchar,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "timetable_notices_id" integer;
  ALTER TABLE "timetable_notices" ADD CONSTRAINT "timetable_notices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_notices" ADD CONSTRAINT "timetable_notices_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_notices" ADD CONSTRAINT "timetable_notices_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "timetable_notices_school_idx" ON "timetable_notices" USING btree ("school_id");
  CREATE UNIQUE INDEX "timetable_notices_key_idx" ON "timetable_notices" USING btree ("key");
  CREATE INDEX "timetable_notices_class_idx" ON "timetable_notices" USING btree ("class_id");
  CREATE INDEX "timetable_notices_week_start_idx" ON "timetable_notices" USING btree ("week_start");
  CREATE INDEX "timetable_notices_school_year_idx" ON "timetable_notices" USING btree ("school_year");
  CREATE INDEX "timetable_notices_status_idx" ON "timetable_notices" USING btree ("status");
  CREATE INDEX "timetable_notices_created_by_idx" ON "timetable_notices" USING btree ("created_by_id");
  CREATE INDEX "timetable_notices_updated_at_idx" ON "timetable_notices" USING btree ("updated_at");
  CREATE INDEX "timetable_notices_created_at_idx" ON "timetable_notices" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_timetable_notices_fk" FOREIGN KEY ("timetable_notices_id") REFERENCES "public"."timetable_notices"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_timetable_notices_id_idx" ON "payload_locked_documents_rels" USING btree ("timetable_notices_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "timetable_notices" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "timetable_notices" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_timetable_notices_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_timetable_notices_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "timetable_notices_id";
  DROP TYPE "public"."enum_timetable_notices_status";`)
}
