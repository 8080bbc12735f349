CREATE TABLE "pj_doorstep_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"user_id" uuid NOT NULL,
	"rater_masked" text NOT NULL,
	"stars" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pj_archive_items" ADD COLUMN "removed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_archive_items" ADD COLUMN "removed_by" uuid;--> statement-breakpoint
ALTER TABLE "pj_archive_items" ADD COLUMN "removed_by_name" text;--> statement-breakpoint
ALTER TABLE "pj_archive_items" ADD COLUMN "removed_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "pj_doorstep_ratings_uq" ON "pj_doorstep_ratings" USING btree ("project_id","user_id");