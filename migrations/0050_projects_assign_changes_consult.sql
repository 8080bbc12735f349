CREATE TABLE "pj_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"assigned_by" uuid,
	"assigned_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb NOT NULL,
	"proposed" jsonb NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text
);
--> statement-breakpoint
CREATE TABLE "pj_consultation_links" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid,
	"title" text NOT NULL,
	"record_date" date,
	"file_id" uuid,
	"file_name" text,
	"mime" text,
	"size" integer,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_seal_links" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"seal_use_id" uuid NOT NULL,
	"seal_log_no" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pj_assignments_app_reviewer_uq" ON "pj_assignments" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "pj_assignments_reviewer_idx" ON "pj_assignments" USING btree ("reviewer_id","call_id");--> statement-breakpoint
CREATE INDEX "pj_changes_app_idx" ON "pj_changes" USING btree ("application_id","requested_at");