CREATE TABLE "as_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"layer" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "as_attachments_sheet_idx" ON "as_attachments" USING btree ("sheet_id","node_id");