CREATE TABLE "pt_disclosure_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"period" text,
	"posted_at" timestamp with time zone NOT NULL,
	"taken_down_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"disclosure_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"answer_due_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pt_procedure_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"idx" integer NOT NULL,
	"key" text NOT NULL,
	"note" text,
	"meeting_id" uuid,
	"motion_id" uuid,
	"disclosure_id" uuid,
	"completed_by" uuid,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"template" text NOT NULL,
	"title" text NOT NULL,
	"matter" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pt_disclosure_schedules_uq" ON "pt_disclosure_schedules" USING btree ("org_unit_id","kind");--> statement-breakpoint
CREATE INDEX "pt_disclosure_schedules_path_idx" ON "pt_disclosure_schedules" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_disclosures_path_idx" ON "pt_disclosures" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_disclosures_period_idx" ON "pt_disclosures" USING btree ("org_unit_id","kind","period");--> statement-breakpoint
CREATE INDEX "pt_objections_disclosure_idx" ON "pt_objections" USING btree ("disclosure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_procedure_steps_uq" ON "pt_procedure_steps" USING btree ("procedure_id","idx");--> statement-breakpoint
CREATE INDEX "pt_procedures_path_idx" ON "pt_procedures" USING btree ("org_path" text_pattern_ops);