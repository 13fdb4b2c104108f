import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_disclosures_group" ADD VALUE 'preschool-monthly' BEFORE 'preschool-weekly';
  ALTER TYPE "public"."enum__disclosures_v_version_group" ADD VALUE 'preschool-monthly' BEFORE 'preschool-weekly';
  CREATE TABLE "public_holidays_days" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"name" varchar NOT NULL
  );
  
  CREATE TABLE "public_holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "disclosures" ADD COLUMN "changed_on" timestamp(3) with time zone;
  ALTER TABLE "_disclosures_v" ADD COLUMN "version_changed_on" timestamp(3) with time zone;
  ALTER TABLE "public_holidays_days" ADD CONSTRAINT "public_holidays_days_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."public_holidays"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "public_holidays_days_order_idx" ON "public_holidays_days" USING btree ("_order");
  CREATE INDEX "public_holidays_days_parent_id_idx" ON "public_holidays_days" USING btree ("_parent_id");
  CREATE INDEX "disclosures_changed_on_idx" ON "disclosures" USING btree ("changed_on");
  CREATE INDEX "_disclosures_v_version_version_changed_on_idx" ON "_disclosures_v" USING btree ("version_changed_on");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "public_holidays_days" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "public_holidays" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "public_holidays_days" CASCADE;
  DROP TABLE "public_holidays" CASCADE;
  ALTER TABLE "disclosures" ALTER COLUMN "group" SET DATA TYPE text;
  DROP TYPE "public"."enum_disclosures_group";
  CREATE TYPE "public"."enum_disclosures_group" AS ENUM('general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly');
  ALTER TABLE "disclosures" ALTER COLUMN "group" SET DATA TYPE "public"."enum_disclosures_group" USING "group"::"public"."enum_disclosures_group";
  ALTER TABLE "_disclosures_v" ALTER COLUMN "version_group" SET DATA TYPE text;
  DROP TYPE "public"."enum__disclosures_v_version_group";
  CREATE TYPE "public"."enum__disclosures_v_version_group" AS ENUM('general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly');
  ALTER TABLE "_disclosures_v" ALTER COLUMN "version_group" SET DATA TYPE "public"."enum__disclosures_v_version_group" USING "version_group"::"public"."enum__disclosures_v_version_group";
  DROP INDEX IF EXISTS "disclosures_changed_on_idx";
  DROP INDEX IF EXISTS "_disclosures_v_version_version_changed_on_idx";
  ALTER TABLE "disclosures" DROP COLUMN "changed_on";
  ALTER TABLE "_disclosures_v" DROP COLUMN "version_changed_on";`)
}
