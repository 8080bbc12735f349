CREATE SEQUENCE "public"."volunteer_cert_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "volunteer_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"community_id" uuid NOT NULL,
	"team_id" uuid,
	"place" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"radius_m" integer DEFAULT 300 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"signup_limit" integer NOT NULL,
	"signup_count" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"organiser_id" uuid,
	"organiser_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"status" text NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_in_method" text NOT NULL,
	"check_in_by" uuid,
	"check_in_lat" double precision,
	"check_in_lng" double precision,
	"check_out_at" timestamp with time zone,
	"check_out_method" text,
	"check_out_by" uuid,
	"check_out_lat" double precision,
	"check_out_lng" double precision,
	"minutes" integer,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"stars" integer NOT NULL,
	"community_id" uuid NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_community_flags" (
	"org_unit_id" uuid PRIMARY KEY NOT NULL,
	"org_path" text NOT NULL,
	"demonstration" boolean DEFAULT false NOT NULL,
	"partner_universities" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"minutes" integer NOT NULL,
	"activity_id" uuid,
	"attendance_id" uuid,
	"activity_type" text NOT NULL,
	"corrects_id" uuid,
	"reason" text,
	"community_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_signups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "volunteer_team_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"community_id" uuid NOT NULL,
	"leader_volunteer_id" uuid,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid,
	"party_member_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_mask" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" jsonb DEFAULT '{"weekdays":[],"slots":[]}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"university" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "volunteer_activities_path_idx" ON "volunteer_activities" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteer_activities_starts_idx" ON "volunteer_activities" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_attendance_uq" ON "volunteer_attendance" USING btree ("activity_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_attendance_volunteer_idx" ON "volunteer_attendance" USING btree ("volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_certificates_number_uq" ON "volunteer_certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "volunteer_certificates_volunteer_idx" ON "volunteer_certificates" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_volunteer_idx" ON "volunteer_hours" USING btree ("volunteer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "volunteer_hours_path_idx" ON "volunteer_hours" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_attendance_uq" ON "volunteer_hours" USING btree ("attendance_id") WHERE "volunteer_hours"."kind" = 'activity';--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signups_uq" ON "volunteer_signups" USING btree ("activity_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_volunteer_idx" ON "volunteer_signups" USING btree ("volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_team_members_uq" ON "volunteer_team_members" USING btree ("team_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_team_members_volunteer_idx" ON "volunteer_team_members" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_teams_path_idx" ON "volunteer_teams" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_path_idx" ON "volunteers" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_community_idx" ON "volunteers" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "volunteers_grid_idx" ON "volunteers" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "volunteers_skills_idx" ON "volunteers" USING gin ("skills");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("user_id") WHERE "volunteers"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_resident_uq" ON "volunteers" USING btree ("resident_id") WHERE "volunteers"."resident_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_party_member_uq" ON "volunteers" USING btree ("party_member_id") WHERE "volunteers"."party_member_id" is not null;