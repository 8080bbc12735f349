CREATE TABLE "pj_archive_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pj_archive_items_app_idx" ON "pj_archive_items" USING btree ("application_id","category");--> statement-breakpoint
CREATE INDEX "pj_archive_items_path_idx" ON "pj_archive_items" USING btree ("org_path" text_pattern_ops);