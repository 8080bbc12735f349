CREATE TABLE "kt_group_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"post" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"office_unit" text,
	"office_head" text,
	"office_deputy" text,
	"duties" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"group_id" uuid,
	"title" text NOT NULL,
	"source" text,
	"phases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"agenda" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_steps" (
	"record_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_task_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text,
	"progress" integer,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kt_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"list_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"number" integer NOT NULL,
	"content" text NOT NULL,
	"units" text[] NOT NULL,
	"lead" text,
	"deadline_text" text,
	"due_on" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"phase" text,
	"state" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"last_report_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"supervisions" integer DEFAULT 0 NOT NULL,
	"interviews" integer DEFAULT 0 NOT NULL,
	"meeting_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "cert_catalogue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"law_name" text NOT NULL,
	"clause" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cert_register" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"catalogue_id" uuid,
	"item_name" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requesting_body" text,
	"subject_name" text NOT NULL,
	"purpose" text NOT NULL,
	"clause" text,
	"clause_source" text,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"refusal_code" text,
	"seal_use_id" uuid,
	"decided_by" uuid,
	"decided_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"document" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text,
	"requester" text NOT NULL,
	"joint_liability" boolean NOT NULL,
	"status" text NOT NULL,
	"refusal_code" text,
	"certificate_id" uuid,
	"approver_id" uuid,
	"approver_name" text,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kt_group_members_group_idx" ON "kt_group_members" USING btree ("group_id","sort");--> statement-breakpoint
CREATE INDEX "kt_groups_path_idx" ON "kt_groups" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_lists_path_idx" ON "kt_lists" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_meetings_group_idx" ON "kt_meetings" USING btree ("group_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "kt_steps_uq" ON "kt_steps" USING btree ("record_id","step");--> statement-breakpoint
CREATE INDEX "kt_task_events_task_idx" ON "kt_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "kt_tasks_list_number_uq" ON "kt_tasks" USING btree ("list_id","number");--> statement-breakpoint
CREATE INDEX "kt_tasks_path_idx" ON "kt_tasks" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_tasks_due_idx" ON "kt_tasks" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wia_applications_number_uq" ON "wia_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "wia_applications_path_idx" ON "wia_applications" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wia_applications_due_idx" ON "wia_applications" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "wia_events_app_idx" ON "wia_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "wia_items_path_idx" ON "wia_items" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wia_opinions_app_idx" ON "wia_opinions" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "wia_refusals_path_idx" ON "wia_refusals" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "wia_steps_uq" ON "wia_steps" USING btree ("record_id","step");--> statement-breakpoint
CREATE INDEX "cert_catalogue_path_idx" ON "cert_catalogue" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cert_register_unit_number_idx" ON "cert_register" USING btree ("org_unit_id","number");--> statement-breakpoint
CREATE INDEX "cert_register_path_idx" ON "cert_register" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "seal_uses_unit_number_idx" ON "seal_uses" USING btree ("org_unit_id","number");--> statement-breakpoint
CREATE INDEX "seal_uses_path_idx" ON "seal_uses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
-- R-AC-2: the certificate register and the seal log are immutable. Only the org path and unit a unit move
-- or merge rewrites may change; every other change, and every delete, is refused.
CREATE FUNCTION "linli_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb;
  n jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  o := to_jsonb(OLD) - 'org_path' - 'org_unit_id';
  n := to_jsonb(NEW) - 'org_path' - 'org_unit_id';
  IF o IS DISTINCT FROM n THEN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cert_register_append_only" BEFORE UPDATE OR DELETE ON "cert_register"
FOR EACH ROW EXECUTE FUNCTION "linli_append_only"();
--> statement-breakpoint
CREATE TRIGGER "seal_uses_append_only" BEFORE UPDATE OR DELETE ON "seal_uses"
FOR EACH ROW EXECUTE FUNCTION "linli_append_only"();
