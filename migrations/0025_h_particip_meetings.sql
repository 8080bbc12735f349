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
CREATE UNIQUE INDEX "pt_attendance_resident_uq" ON "pt_attendance" USING btree ("meeting_id","resident_id") WHERE "pt_attendance"."resident_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "pt_attendance_member_uq" ON "pt_attendance" USING btree ("meeting_id","name") WHERE "pt_attendance"."resident_id" is null;--> statement-breakpoint
CREATE INDEX "pt_corrections_meeting_idx" ON "pt_corrections" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "pt_meetings_path_idx" ON "pt_meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_meetings_held_idx" ON "pt_meetings" USING btree ("held_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_motions_seq_uq" ON "pt_motions" USING btree ("meeting_id","seq");