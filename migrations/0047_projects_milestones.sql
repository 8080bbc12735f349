CREATE TABLE "pj_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"note" text,
	"done_at" timestamp with time zone,
	"done_note" text,
	"done_by" uuid,
	"done_by_name" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pj_milestones_app_idx" ON "pj_milestones" USING btree ("application_id","due_on");--> statement-breakpoint
CREATE INDEX "pj_milestones_path_idx" ON "pj_milestones" USING btree ("org_path" text_pattern_ops);