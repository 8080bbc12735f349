CREATE TABLE "audit_checkpoint" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pos" bigint NOT NULL,
	"seq" bigint,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"sig" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_seal" (
	"id" integer PRIMARY KEY NOT NULL,
	"pos" bigint NOT NULL,
	"seq" bigint,
	"hash" text NOT NULL,
	"sealed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "pos" bigint;--> statement-breakpoint
CREATE INDEX "audit_checkpoint_pos_idx" ON "audit_checkpoint" USING btree ("pos");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_pos_key" ON "audit_log" USING btree ("pos");--> statement-breakpoint
CREATE INDEX "audit_log_pending_idx" ON "audit_log" USING btree ("seq") WHERE pos is null;--> statement-breakpoint
-- Rows chained under the old per-write advisory lock keep their hashes: their chain order was their seq.
UPDATE "audit_log" a SET "pos" = r.rn
  FROM (SELECT "seq", row_number() OVER (ORDER BY "seq") AS rn FROM "audit_log") r
  WHERE a."seq" = r."seq";--> statement-breakpoint
-- The sealer continues from the old head (so a tail cut before the upgrade still shows as head_mismatch).
INSERT INTO "audit_seal" ("id", "pos", "seq", "hash", "sealed_at")
  SELECT 1, (SELECT count(*) FROM "audit_log"), h."seq", coalesce(h."hash", repeat('0', 64)), now()
  FROM (SELECT 1) one LEFT JOIN "audit_head" h ON h."id" = 1;--> statement-breakpoint
DROP TABLE "audit_head" CASCADE;
