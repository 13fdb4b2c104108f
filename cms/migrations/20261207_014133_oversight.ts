import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tiers_kind" AS ENUM('phong-gddt', 'ubnd-xa', 'so-gddt');
  CREATE TYPE "public"."enum_oversight_reminders_reasons" AS ENUM('no-recent-post', 'stale-reviews', 'disclosures-overdue', 'marks-missing', 'teaching-plans-missing', 'lesson-plans-late', 'class-logs-unsigned', 'attendance-missing', 'passwords-unchanged');
  CREATE TABLE "tiers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"kind" "enum_tiers_kind" NOT NULL,
  	"parent_id" integer,
  	"superior" varchar,
  	"place" varchar,
  	"website" varchar,
  	"is_default" boolean,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "oversight_reminders_reasons" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_oversight_reminders_reasons",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "oversight_reminders" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"tier_id" integer,
  	"school_year" varchar NOT NULL,
  	"term" numeric,
  	"note" varchar,
  	"sent_by_id" integer,
  	"sent_at" timestamp(3) with time zone,
  	"mailed" numeric,
  	"seen_at" timestamp(3) with time zone,
  	"seen_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "schools" ADD COLUMN "tier_id" integer;
  ALTER TABLE "users" ADD COLUMN "tier_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tiers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "oversight_reminders_id" integer;
  ALTER TABLE "tiers" ADD CONSTRAINT "tiers_parent_id_tiers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "oversight_reminders_reasons" ADD CONSTRAINT "oversight_reminders_reasons_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."oversight_reminders"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "oversight_reminders" ADD CONSTRAINT "oversight_reminders_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "oversight_reminders" ADD CONSTRAINT "oversight_reminders_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "oversight_reminders" ADD CONSTRAINT "oversight_reminders_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "oversight_reminders" ADD CONSTRAINT "oversight_reminders_seen_by_id_users_id_fk" FOREIGN KEY ("seen_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "tiers_code_idx" ON "tiers" USING btree ("code");
  CREATE INDEX "tiers_parent_idx" ON "tiers" USING btree ("parent_id");
  CREATE INDEX "tiers_updated_at_idx" ON "tiers" USING btree ("updated_at");
  CREATE INDEX "tiers_created_at_idx" ON "tiers" USING btree ("created_at");
  CREATE INDEX "oversight_reminders_reasons_order_idx" ON "oversight_reminders_reasons" USING btree ("order");
  CREATE INDEX "oversight_reminders_reasons_parent_idx" ON "oversight_reminders_reasons" USING btree ("parent_id");
  CREATE INDEX "oversight_reminders_school_idx" ON "oversight_reminders" USING btree ("school_id");
  CREATE INDEX "oversight_reminders_tier_idx" ON "oversight_reminders" USING btree ("tier_id");
  CREATE INDEX "oversight_reminders_sent_by_idx" ON "oversight_reminders" USING btree ("sent_by_id");
  CREATE INDEX "oversight_reminders_sent_at_idx" ON "oversight_reminders" USING btree ("sent_at");
  CREATE INDEX "oversight_reminders_seen_by_idx" ON "oversight_reminders" USING btree ("seen_by_id");
  CREATE INDEX "oversight_reminders_updated_at_idx" ON "oversight_reminders" USING btree ("updated_at");
  CREATE INDEX "oversight_reminders_created_at_idx" ON "oversight_reminders" USING btree ("created_at");
  ALTER TABLE "schools" ADD CONSTRAINT "schools_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tiers_fk" FOREIGN KEY ("tiers_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_oversight_reminders_fk" FOREIGN KEY ("oversight_reminders_id") REFERENCES "public"."oversight_reminders"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "schools_tier_idx" ON "schools" USING btree ("tier_id");
  CREATE INDEX "users_tier_idx" ON "users" USING btree ("tier_id");
  CREATE INDEX "payload_locked_documents_rels_tiers_id_idx" ON "payload_locked_documents_rels" USING btree ("tiers_id");
  CREATE INDEX "payload_locked_documents_rels_oversight_reminders_id_idx" ON "payload_locked_documents_rels" USING btree ("oversight_reminders_id");`)
  // An installation with schools already: one tier (the configured managing body) oversees them all,
  // with the district accounts in it — what they saw before; the admin then adds wards and moves schools.
  const name = String((payload.config.custom?.truongsoBooks as { managingBody?: string } | undefined)?.managingBody ?? 'Phòng Giáo dục và Đào tạo')
  // One statement per call: a parameter makes it a prepared statement, which holds one command.
  await db.execute(sql`INSERT INTO "tiers" ("name", "kind", "is_default") SELECT ${name}, 'phong-gddt', true WHERE EXISTS (SELECT 1 FROM "schools")`)
  await db.execute(sql`UPDATE "schools" SET "tier_id" = (SELECT "id" FROM "tiers" WHERE "is_default" ORDER BY "id" LIMIT 1) WHERE "tier_id" IS NULL`)
  await db.execute(sql`UPDATE "users" SET "tier_id" = (SELECT "id" FROM "tiers" WHERE "is_default" ORDER BY "id" LIMIT 1) WHERE "tier_id" IS NULL AND "id" IN (SELECT "parent_id" FROM "users_district_roles")`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "tiers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "oversight_reminders_reasons" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "oversight_reminders" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "tiers" CASCADE;
  DROP TABLE "oversight_reminders_reasons" CASCADE;
  DROP TABLE "oversight_reminders" CASCADE;
  ALTER TABLE "schools" DROP CONSTRAINT IF EXISTS "schools_tier_id_tiers_id_fk";
  
  ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_tier_id_tiers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_tiers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_oversight_reminders_fk";
  
  DROP INDEX IF EXISTS "schools_tier_idx";
  DROP INDEX IF EXISTS "users_tier_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_tiers_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_oversight_reminders_id_idx";
  ALTER TABLE "schools" DROP COLUMN "tier_id";
  ALTER TABLE "users" DROP COLUMN "tier_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tiers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "oversight_reminders_id";
  DROP TYPE "public"."enum_tiers_kind";
  DROP TYPE "public"."enum_oversight_reminders_reasons";`)
}
