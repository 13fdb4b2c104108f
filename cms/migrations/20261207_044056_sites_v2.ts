import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_feedback_status" AS ENUM('new', 'read', 'answered', 'archived');
  ALTER TYPE "public"."enum_posts_section" ADD VALUE 'van-ban';
  ALTER TYPE "public"."enum__posts_v_version_section" ADD VALUE 'van-ban';
  CREATE TABLE "feedback" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"subject" varchar,
  	"message" varchar NOT NULL,
  	"name" varchar,
  	"contact" varchar,
  	"status" "enum_feedback_status" DEFAULT 'new' NOT NULL,
  	"note" varchar,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"address_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "introductions" ADD COLUMN "logo_id" integer;
  ALTER TABLE "introductions" ADD COLUMN "banner_id" integer;
  ALTER TABLE "_introductions_v" ADD COLUMN "version_logo_id" integer;
  ALTER TABLE "_introductions_v" ADD COLUMN "version_banner_id" integer;
  ALTER TABLE "posts" ADD COLUMN "document_number" varchar;
  ALTER TABLE "posts" ADD COLUMN "issued_date" timestamp(3) with time zone;
  ALTER TABLE "posts" ADD COLUMN "issuer" varchar;
  ALTER TABLE "posts_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "_posts_v" ADD COLUMN "version_document_number" varchar;
  ALTER TABLE "_posts_v" ADD COLUMN "version_issued_date" timestamp(3) with time zone;
  ALTER TABLE "_posts_v" ADD COLUMN "version_issuer" varchar;
  ALTER TABLE "_posts_v_rels" ADD COLUMN "media_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feedback_id" integer;
  ALTER TABLE "feedback" ADD CONSTRAINT "feedback_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "feedback_school_idx" ON "feedback" USING btree ("school_id");
  CREATE INDEX "feedback_status_idx" ON "feedback" USING btree ("status");
  CREATE INDEX "feedback_received_at_idx" ON "feedback" USING btree ("received_at");
  CREATE INDEX "feedback_address_hash_idx" ON "feedback" USING btree ("address_hash");
  CREATE INDEX "feedback_updated_at_idx" ON "feedback" USING btree ("updated_at");
  CREATE INDEX "feedback_created_at_idx" ON "feedback" USING btree ("created_at");
  ALTER TABLE "introductions" ADD CONSTRAINT "introductions_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "introductions" ADD CONSTRAINT "introductions_banner_id_media_id_fk" FOREIGN KEY ("banner_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_introductions_v" ADD CONSTRAINT "_introductions_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_introductions_v" ADD CONSTRAINT "_introductions_v_version_banner_id_media_id_fk" FOREIGN KEY ("version_banner_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "posts_rels" ADD CONSTRAINT "posts_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_posts_v_rels" ADD CONSTRAINT "_posts_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feedback_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "introductions_logo_idx" ON "introductions" USING btree ("logo_id");
  CREATE INDEX "introductions_banner_idx" ON "introductions" USING btree ("banner_id");
  CREATE INDEX "_introductions_v_version_version_logo_idx" ON "_introductions_v" USING btree ("version_logo_id");
  CREATE INDEX "_introductions_v_version_version_banner_idx" ON "_introductions_v" USING btree ("version_banner_id");
  CREATE INDEX "posts_rels_media_id_idx" ON "posts_rels" USING btree ("media_id");
  CREATE INDEX "_posts_v_rels_media_id_idx" ON "_posts_v_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("feedback_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "feedback" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "feedback" CASCADE;
  ALTER TABLE "introductions" DROP CONSTRAINT IF EXISTS "introductions_logo_id_media_id_fk";
  
  ALTER TABLE "introductions" DROP CONSTRAINT IF EXISTS "introductions_banner_id_media_id_fk";
  
  ALTER TABLE "_introductions_v" DROP CONSTRAINT IF EXISTS "_introductions_v_version_logo_id_media_id_fk";
  
  ALTER TABLE "_introductions_v" DROP CONSTRAINT IF EXISTS "_introductions_v_version_banner_id_media_id_fk";
  
  ALTER TABLE "posts_rels" DROP CONSTRAINT IF EXISTS "posts_rels_media_fk";
  
  ALTER TABLE "_posts_v_rels" DROP CONSTRAINT IF EXISTS "_posts_v_rels_media_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_feedback_fk";
  
  ALTER TABLE "posts" ALTER COLUMN "section" SET DATA TYPE text;
  ALTER TABLE "posts" ALTER COLUMN "section" SET DEFAULT 'thong-bao'::text;
  DROP TYPE "public"."enum_posts_section";
  CREATE TYPE "public"."enum_posts_section" AS ENUM('thong-bao', 'chuyen-mon', 'hoat-dong');
  ALTER TABLE "posts" ALTER COLUMN "section" SET DEFAULT 'thong-bao'::"public"."enum_posts_section";
  ALTER TABLE "posts" ALTER COLUMN "section" SET DATA TYPE "public"."enum_posts_section" USING "section"::"public"."enum_posts_section";
  ALTER TABLE "_posts_v" ALTER COLUMN "version_section" SET DATA TYPE text;
  ALTER TABLE "_posts_v" ALTER COLUMN "version_section" SET DEFAULT 'thong-bao'::text;
  DROP TYPE "public"."enum__posts_v_version_section";
  CREATE TYPE "public"."enum__posts_v_version_section" AS ENUM('thong-bao', 'chuyen-mon', 'hoat-dong');
  ALTER TABLE "_posts_v" ALTER COLUMN "version_section" SET DEFAULT 'thong-bao'::"public"."enum__posts_v_version_section";
  ALTER TABLE "_posts_v" ALTER COLUMN "version_section" SET DATA TYPE "public"."enum__posts_v_version_section" USING "version_section"::"public"."enum__posts_v_version_section";
  DROP INDEX IF EXISTS "introductions_logo_idx";
  DROP INDEX IF EXISTS "introductions_banner_idx";
  DROP INDEX IF EXISTS "_introductions_v_version_version_logo_idx";
  DROP INDEX IF EXISTS "_introductions_v_version_version_banner_idx";
  DROP INDEX IF EXISTS "posts_rels_media_id_idx";
  DROP INDEX IF EXISTS "_posts_v_rels_media_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_feedback_id_idx";
  ALTER TABLE "introductions" DROP COLUMN "logo_id";
  ALTER TABLE "introductions" DROP COLUMN "banner_id";
  ALTER TABLE "_introductions_v" DROP COLUMN "version_logo_id";
  ALTER TABLE "_introductions_v" DROP COLUMN "version_banner_id";
  ALTER TABLE "posts" DROP COLUMN "document_number";
  ALTER TABLE "posts" DROP COLUMN "issued_date";
  ALTER TABLE "posts" DROP COLUMN "issuer";
  ALTER TABLE "posts_rels" DROP COLUMN "media_id";
  ALTER TABLE "_posts_v" DROP COLUMN "version_document_number";
  ALTER TABLE "_posts_v" DROP COLUMN "version_issued_date";
  ALTER TABLE "_posts_v" DROP COLUMN "version_issuer";
  ALTER TABLE "_posts_v_rels" DROP COLUMN "media_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feedback_id";
  DROP TYPE "public"."enum_feedback_status";`)
}
