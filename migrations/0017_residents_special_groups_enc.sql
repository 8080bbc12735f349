DROP INDEX "residents_tags_idx";--> statement-breakpoint
ALTER TABLE "residents" ALTER COLUMN "tags" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "residents" ALTER COLUMN "tags" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "special_groups_enc" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "special_group_hashes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "residents_special_group_hashes_idx" ON "residents" USING gin ("special_group_hashes");--> statement-breakpoint
-- Empty clear-text tag lists carry nothing to encrypt; non-empty ones are encrypted by migrateSpecialGroups
-- (TypeScript, with the app key) at startup and in `linli migrate`, which then sets them to null.
UPDATE "residents" SET "tags" = NULL WHERE "tags" IS NOT NULL AND cardinality("tags") = 0;
