CREATE TABLE "sr_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"template_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"due_on" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sr_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "sr_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"state" text NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"late" boolean DEFAULT false NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"return_reason" text,
	"resubmissions" integer DEFAULT 0 NOT NULL,
	"overdue_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sr_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"basis" text,
	"description" text,
	"cadence" text NOT NULL,
	"due_day" integer NOT NULL,
	"due_in_next_month" boolean DEFAULT false NOT NULL,
	"remind_days" integer DEFAULT 3 NOT NULL,
	"starts_on" date NOT NULL,
	"submitters" jsonb NOT NULL,
	"fields" jsonb NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "sr_cycles_template_period_uq" ON "sr_cycles" USING btree ("template_id","period");--> statement-breakpoint
CREATE INDEX "sr_cycles_path_idx" ON "sr_cycles" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sr_cycles_due_idx" ON "sr_cycles" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "sr_events_submission_idx" ON "sr_events" USING btree ("submission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sr_submissions_cycle_unit_uq" ON "sr_submissions" USING btree ("cycle_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "sr_submissions_path_idx" ON "sr_submissions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sr_submissions_cycle_idx" ON "sr_submissions" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "sr_templates_path_idx" ON "sr_templates" USING btree ("org_path" text_pattern_ops);