CREATE TABLE "pj_doorstep_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"slot" text NOT NULL,
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
CREATE TABLE "pj_doorstep_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"year" integer NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"settlement_type" text,
	"budget_fen" bigint NOT NULL,
	"service_times" integer NOT NULL,
	"service_per" text NOT NULL,
	"people_served" integer NOT NULL,
	"summary" text,
	"created_by" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_doorstep_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"stage" text,
	"text" text NOT NULL,
	"record_date" date NOT NULL,
	"survey_id" uuid,
	"survey_title" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pj_doorstep_files_project_idx" ON "pj_doorstep_files" USING btree ("project_id","slot");--> statement-breakpoint
CREATE INDEX "pj_doorstep_projects_path_idx" ON "pj_doorstep_projects" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pj_doorstep_projects_unit_idx" ON "pj_doorstep_projects" USING btree ("org_unit_id","year","category");--> statement-breakpoint
CREATE INDEX "pj_doorstep_records_project_idx" ON "pj_doorstep_records" USING btree ("project_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "pj_doorstep_records_stage_uq" ON "pj_doorstep_records" USING btree ("project_id","stage") WHERE "pj_doorstep_records"."kind" = 'stage';