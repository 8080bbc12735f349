CREATE TABLE "wia_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"department" text NOT NULL,
	"contact_name" text,
	"item" text NOT NULL,
	"content" text NOT NULL,
	"basis_kind" text NOT NULL,
	"basis" text,
	"training_staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"training_plan" text,
	"funds_fen" bigint DEFAULT 0 NOT NULL,
	"funds_note" text,
	"state" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"due_estimated" boolean DEFAULT false NOT NULL,
	"overdue_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"meeting_ref" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wia_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wia_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"application_id" uuid,
	"list" text NOT NULL,
	"kind" text NOT NULL,
	"department" text NOT NULL,
	"item" text NOT NULL,
	"content" text NOT NULL,
	"basis" text,
	"funds_fen" bigint DEFAULT 0 NOT NULL,
	"training_staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_on" date NOT NULL,
	"status" text NOT NULL,
	"reviewed_on" date,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wia_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"department" text NOT NULL,
	"stance" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text
);
--> statement-breakpoint
CREATE TABLE "wia_refusals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"department" text NOT NULL,
	"matter" text NOT NULL,
	"requested_on" date NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wia_steps" (
	"record_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wia_applications_number_uq" ON "wia_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "wia_applications_path_idx" ON "wia_applications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wia_applications_due_idx" ON "wia_applications" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "wia_events_app_idx" ON "wia_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "wia_items_path_idx" ON "wia_items" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wia_opinions_app_idx" ON "wia_opinions" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "wia_refusals_path_idx" ON "wia_refusals" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "wia_steps_uq" ON "wia_steps" USING btree ("record_id","step");