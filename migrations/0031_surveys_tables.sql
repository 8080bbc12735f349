CREATE TABLE "sv_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"channel" text NOT NULL,
	"user_id" uuid,
	"resident_id" uuid,
	"phone_enc" text,
	"phone_hash" text,
	"phone_mask" text,
	"answers" jsonb NOT NULL,
	"entered_by" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sv_surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"intro" text,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target" integer,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"population" integer,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sv_responses_survey_idx" ON "sv_responses" USING btree ("survey_id","answered_at");--> statement-breakpoint
CREATE INDEX "sv_responses_path_idx" ON "sv_responses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "sv_responses_user_uq" ON "sv_responses" USING btree ("survey_id","user_id") WHERE "sv_responses"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sv_responses_resident_uq" ON "sv_responses" USING btree ("survey_id","resident_id") WHERE "sv_responses"."resident_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sv_responses_phone_uq" ON "sv_responses" USING btree ("survey_id","phone_hash") WHERE "sv_responses"."phone_hash" is not null;--> statement-breakpoint
CREATE INDEX "sv_surveys_path_idx" ON "sv_surveys" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sv_surveys_year_idx" ON "sv_surveys" USING btree ("year","status");