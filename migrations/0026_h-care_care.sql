CREATE TABLE "care_misses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"resident_id" uuid NOT NULL,
	"resident_name_mask" text NOT NULL,
	"tag_enc" text NOT NULL,
	"tag_hash" text NOT NULL,
	"frequency_days" integer NOT NULL,
	"assignee_kind" text NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"next_due_at" timestamp with time zone NOT NULL,
	"last_visit_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"note_enc" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_relief" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"emergency_place" text NOT NULL,
	"applicant_name_enc" text NOT NULL,
	"applicant_name_mask" text NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_mask" text,
	"phone_enc" text,
	"phone_mask" text,
	"hukou_place" text NOT NULL,
	"local_hukou" boolean NOT NULL,
	"reason" text NOT NULL,
	"items" jsonb NOT NULL,
	"total_fen" bigint NOT NULL,
	"money_fen" bigint NOT NULL,
	"state" text NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"granted_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"place_enc" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"outcome" text NOT NULL,
	"note_enc" text,
	"visitor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "care_misses_uq" ON "care_misses" USING btree ("plan_id","due_at");--> statement-breakpoint
CREATE INDEX "care_misses_path_idx" ON "care_misses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_plans_path_idx" ON "care_plans" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "care_plans_resident_tag_uq" ON "care_plans" USING btree ("resident_id","tag_hash");--> statement-breakpoint
CREATE INDEX "care_plans_assignee_idx" ON "care_plans" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "care_plans_due_idx" ON "care_plans" USING btree ("next_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "care_relief_number_uq" ON "care_relief" USING btree ("number");--> statement-breakpoint
CREATE INDEX "care_relief_path_idx" ON "care_relief" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "care_visits_plan_idx" ON "care_visits" USING btree ("plan_id","visited_at");--> statement-breakpoint
CREATE INDEX "care_visits_path_idx" ON "care_visits" USING btree ("org_path" text_pattern_ops);