CREATE SEQUENCE "public"."ds_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ds_bodies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_body_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"position" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"since_date" date
);
--> statement-breakpoint
CREATE TABLE "ds_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_title" text,
	"contact_name" text NOT NULL,
	"contact_info" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"dispatch_path" text NOT NULL,
	"place_path" text NOT NULL,
	"place_unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"title" text NOT NULL,
	"cause" text NOT NULL,
	"nature" text NOT NULL,
	"place" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"status" text NOT NULL,
	"ticket_kind" text,
	"list_entry" jsonb,
	"body_id" uuid,
	"community_id" uuid,
	"special_assignment" boolean DEFAULT false NOT NULL,
	"divert_note" text,
	"diverted_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"finish_due_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"escalations" integer DEFAULT 0 NOT NULL,
	"supervisions" integer DEFAULT 0 NOT NULL,
	"mediation_started_at" timestamp with time zone,
	"mediation_due_at" timestamp with time zone,
	"mediator_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"agreement" jsonb,
	"agreement_effective_at" timestamp with time zone,
	"confirm_due_at" timestamp with time zone,
	"confirm_remind_at" timestamp with time zone,
	"outcome" text,
	"outcome_note" text,
	"finished_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"resolution_level" text,
	"rating" integer,
	"work_order_id" uuid,
	"created_by" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_list_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list" text NOT NULL,
	"version" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"suggested_body" text,
	"suggested_ticket" text DEFAULT 'regular' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"host" text,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"dispute_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"decisions" text NOT NULL,
	"minutes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_parties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"role" text NOT NULL,
	"resident_id" uuid,
	"name_enc" text NOT NULL,
	"name_mask" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_mask" text,
	"id_number_enc" text,
	"id_number_hash" text,
	"id_number_mask" text,
	"gender" text,
	"residence_unit_id" uuid,
	"residence_path" text,
	"residence" text,
	"claims" text NOT NULL,
	"refused_at" timestamp with time zone,
	"refusal_note" text
);
--> statement-breakpoint
CREATE TABLE "ds_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"record" text NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_steps" (
	"dispute_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ds_ticket_limits" (
	"kind" text PRIMARY KEY NOT NULL,
	"accept_minutes" integer NOT NULL,
	"finish_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ds_bodies_path_idx" ON "ds_bodies" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_body_members_body_idx" ON "ds_body_members" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ds_contacts_unit_uq" ON "ds_contacts" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "ds_contacts_path_idx" ON "ds_contacts" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ds_disputes_number_uq" ON "ds_disputes" USING btree ("number");--> statement-breakpoint
CREATE INDEX "ds_disputes_path_idx" ON "ds_disputes" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_disputes_dispatch_idx" ON "ds_disputes" USING btree ("dispatch_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_disputes_place_idx" ON "ds_disputes" USING btree ("place_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_disputes_status_idx" ON "ds_disputes" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "ds_events_dispute_idx" ON "ds_events" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "ds_list_entries_uq" ON "ds_list_entries" USING btree ("list","version","code");--> statement-breakpoint
CREATE INDEX "ds_meetings_path_idx" ON "ds_meetings" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_parties_dispute_idx" ON "ds_parties" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "ds_sessions_dispute_idx" ON "ds_sessions" USING btree ("dispute_id","held_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ds_steps_uq" ON "ds_steps" USING btree ("dispute_id","step");