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
CREATE INDEX "kt_group_members_group_idx" ON "kt_group_members" USING btree ("group_id","sort");--> statement-breakpoint
CREATE INDEX "kt_groups_path_idx" ON "kt_groups" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_lists_path_idx" ON "kt_lists" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_meetings_group_idx" ON "kt_meetings" USING btree ("group_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "kt_steps_uq" ON "kt_steps" USING btree ("record_id","step");--> statement-breakpoint
CREATE INDEX "kt_task_events_task_idx" ON "kt_task_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "kt_tasks_list_number_uq" ON "kt_tasks" USING btree ("list_id","number");--> statement-breakpoint
CREATE INDEX "kt_tasks_path_idx" ON "kt_tasks" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "kt_tasks_due_idx" ON "kt_tasks" USING btree ("due_at");