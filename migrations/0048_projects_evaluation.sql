CREATE TABLE "pj_call_evaluation" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"bands" jsonb NOT NULL,
	"adjustments" jsonb NOT NULL,
	"floor" integer DEFAULT 0 NOT NULL,
	"evaluator_ids" uuid[] DEFAULT '{}' NOT NULL,
	"subdistrict_quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quotas_from_call_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"subdistrict_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"members" jsonb NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"grade_name" text NOT NULL,
	"opinion" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_exemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"reason" text NOT NULL,
	"previous_due_at" timestamp with time zone NOT NULL,
	"new_due" date NOT NULL,
	"granted_by" uuid,
	"granted_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pj_evaluations_app_uq" ON "pj_evaluations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "pj_evaluations_call_idx" ON "pj_evaluations" USING btree ("call_id","subdistrict_id");--> statement-breakpoint
CREATE INDEX "pj_exemptions_app_idx" ON "pj_exemptions" USING btree ("application_id","created_at");