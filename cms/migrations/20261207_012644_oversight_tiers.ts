import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tiers_kind" AS ENUM('phong-gddt', 'ubnd-xa', 'so-gddt');
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
  
  ALTER TABLE "schools" ADD COLUMN "tier_id" integer;
  ALTER TABLE "users" ADD COLUMN "tier_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "tiers_id" integer;
  ALTER TABLE "tiers" ADD CONSTRAINT "tiers_parent_id_tiers_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "tiers_code_idx" ON "tiers" USING btree ("code");
  CREATE INDEX "tiers_parent_idx" ON "tiers" USING btree ("parent_id");
  CREATE INDEX "tiers_updated_at_idx" ON "tiers" USING btree ("updated_at");
  CREATE INDEX "tiers_created_at_idx" ON "tiers" USING btree ("created_at");
  ALTER TABLE "schools" ADD CONSTRAINT "schools_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_tier_id_tiers_id_fk" FOREIGN KEY ("tier_id") REFERENCES "public"."tiers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tiers_fk" FOREIGN KEY ("tiers_id") REFERENCES "public"."tiers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "schools_tier_idx" ON "schools" USING btree ("tier_id");
  CREATE INDEX "users_tier_idx" ON "users" USING btree ("tier_id");
  CREATE INDEX "payload_locked_documents_rels_tiers_id_idx" ON "payload_locked_documents_rels" USING btree ("tiers_id");`)
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
  DROP TABLE "tiers" CASCADE;
  ALTER TABLE "schools" DROP CONSTRAINT IF EXISTS "schools_tier_id_tiers_id_fk";
  
  ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_tier_id_tiers_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_tiers_fk";
  
  DROP INDEX IF EXISTS "schools_tier_idx";
  DROP INDEX IF EXISTS "users_tier_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_tiers_id_idx";
  ALTER TABLE "schools" DROP COLUMN "tier_id";
  ALTER TABLE "users" DROP COLUMN "tier_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "tiers_id";
  DROP TYPE "public"."enum_tiers_kind";`)
}
