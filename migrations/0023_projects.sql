CREATE TABLE "pj_application_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"call_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consultation_kind" text,
	"consultation_date" date,
	"consultation_note" text,
	"budget_lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funding" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget_total_fen" bigint DEFAULT 0 NOT NULL,
	"funding_total_fen" bigint DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"review_comment" text,
	"seal_no" text,
	"sealed_at" timestamp with time zone,
	"sealed_by" uuid,
	"sealed_by_name" text,
	"submit_due_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"level" text,
	"decided_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"types" jsonb NOT NULL,
	"quota" integer NOT NULL,
	"application_due" date NOT NULL,
	"completion_due" date NOT NULL,
	"summary_due" date NOT NULL,
	"report_day" integer NOT NULL,
	"subsidy_city_fen" bigint NOT NULL,
	"subsidy_prefecture_fen" bigint NOT NULL,
	"documents" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"scope_unit_ids" uuid[] NOT NULL,
	"notes" text,
	"opened_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" text NOT NULL,
	"state" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone,
	"progress" text,
	"issues" text,
	"next_steps" text,
	"filed_at" timestamp with time zone,
	"filed_by" uuid,
	"filed_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"conflict" boolean NOT NULL,
	"conflict_note" text,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_steps" (
	"record_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pj_application_events_app_idx" ON "pj_application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_applications_number_uq" ON "pj_applications" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_applications_call_unit_uq" ON "pj_applications" USING btree ("call_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "pj_applications_path_idx" ON "pj_applications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pj_applications_call_idx" ON "pj_applications" USING btree ("call_id","state");--> statement-breakpoint
CREATE INDEX "pj_applications_due_idx" ON "pj_applications" USING btree ("submit_due_at");--> statement-breakpoint
CREATE INDEX "pj_calls_path_idx" ON "pj_calls" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pj_calls_year_idx" ON "pj_calls" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_reports_app_month_uq" ON "pj_reports" USING btree ("application_id","month");--> statement-breakpoint
CREATE INDEX "pj_reports_path_idx" ON "pj_reports" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pj_reports_due_idx" ON "pj_reports" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_scores_app_reviewer_uq" ON "pj_scores" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "pj_scores_call_idx" ON "pj_scores" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_steps_uq" ON "pj_steps" USING btree ("record_id","step");