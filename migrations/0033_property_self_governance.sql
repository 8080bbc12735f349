CREATE TABLE "pm_appraisals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"period" text NOT NULL,
	"appraised_on" date NOT NULL,
	"score" integer NOT NULL,
	"respondents" integer,
	"remark" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pm_compounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"management" text NOT NULL,
	"company_name" text,
	"company_uscc" text,
	"contract_start" date,
	"contract_end" date,
	"fee_fen_per_m2" integer,
	"star_rating" integer,
	"self_committee_name" text,
	"oc_term_start" date,
	"oc_term_end" date,
	"oc_elected_on" date,
	"oc_members" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pm_honours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer DEFAULT 0 NOT NULL,
	"awarded_on" date NOT NULL,
	"remark" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pm_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"status" text NOT NULL,
	"resolved_on" date,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pm_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"compound_id" uuid,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"residents_committee" text,
	"owners_committee" text,
	"property_company" text,
	"minutes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pm_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"published_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sg_bodies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"term_start" date,
	"term_end" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sg_elections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"held_on" date NOT NULL,
	"electorate" integer NOT NULL,
	"ballots_cast" integer NOT NULL,
	"results" jsonb NOT NULL,
	"position_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sg_positions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"body_id" uuid NOT NULL,
	"post" text NOT NULL,
	"person_id" uuid,
	"person_name" text,
	"term_start" date,
	"term_end" date,
	"vacant_since" date,
	"filled_via" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sg_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"body_id" uuid,
	"kind" text NOT NULL,
	"form" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" integer,
	"person_name" text,
	"result" text,
	"score" integer,
	"remark" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sg_vacancies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"position_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"reason" text NOT NULL,
	"previous_holder" text,
	"closed_on" date,
	"filled_by" text,
	"filled_via" text,
	"election_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pm_appraisals_path_idx" ON "pm_appraisals" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "pm_compounds_unit_uq" ON "pm_compounds" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "pm_compounds_path_idx" ON "pm_compounds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "pm_honours_uq" ON "pm_honours" USING btree ("kind","org_unit_id","year","month");--> statement-breakpoint
CREATE INDEX "pm_honours_path_idx" ON "pm_honours" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pm_issues_meeting_idx" ON "pm_issues" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "pm_issues_path_idx" ON "pm_issues" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pm_meetings_path_idx" ON "pm_meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pm_notices_path_idx" ON "pm_notices" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sg_bodies_path_idx" ON "sg_bodies" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sg_elections_path_idx" ON "sg_elections" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sg_positions_body_idx" ON "sg_positions" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "sg_positions_path_idx" ON "sg_positions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sg_reviews_path_idx" ON "sg_reviews" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sg_vacancies_position_idx" ON "sg_vacancies" USING btree ("position_id");--> statement-breakpoint
CREATE INDEX "sg_vacancies_path_idx" ON "sg_vacancies" USING btree ("org_path" text_pattern_ops);