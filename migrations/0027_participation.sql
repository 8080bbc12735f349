CREATE TABLE "pt_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"resident_id" uuid,
	"household_id" uuid,
	"name" text NOT NULL,
	"method" text NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "pt_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"held_at" timestamp with time zone NOT NULL,
	"notice_at" timestamp with time zone NOT NULL,
	"place" text,
	"host" text,
	"frozen_on" date NOT NULL,
	"due" integer NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"minutes" text,
	"present" integer,
	"quorum_met" boolean,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_motions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"title" text NOT NULL,
	"text" text,
	"ballot" text NOT NULL,
	"yes" integer,
	"no" integer,
	"abstain" integer,
	"present_at_vote" integer,
	"passed" boolean,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
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
CREATE UNIQUE INDEX "pt_attendance_resident_uq" ON "pt_attendance" USING btree ("meeting_id","resident_id") WHERE "pt_attendance"."resident_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pt_attendance_member_uq" ON "pt_attendance" USING btree ("meeting_id","name") WHERE "pt_attendance"."resident_id" is null;--> statement-breakpoint
CREATE INDEX "pt_corrections_meeting_idx" ON "pt_corrections" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_disclosure_schedules_uq" ON "pt_disclosure_schedules" USING btree ("org_unit_id","kind");--> statement-breakpoint
CREATE INDEX "pt_disclosure_schedules_path_idx" ON "pt_disclosure_schedules" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_disclosures_path_idx" ON "pt_disclosures" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_disclosures_period_idx" ON "pt_disclosures" USING btree ("org_unit_id","kind","period");--> statement-breakpoint
CREATE INDEX "pt_meetings_path_idx" ON "pt_meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_meetings_held_idx" ON "pt_meetings" USING btree ("held_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_motions_seq_uq" ON "pt_motions" USING btree ("meeting_id","seq");--> statement-breakpoint
CREATE INDEX "pt_objections_disclosure_idx" ON "pt_objections" USING btree ("disclosure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_procedure_steps_uq" ON "pt_procedure_steps" USING btree ("procedure_id","idx");--> statement-breakpoint
CREATE INDEX "pt_procedures_path_idx" ON "pt_procedures" USING btree ("org_path" text_pattern_ops);