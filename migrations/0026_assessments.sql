CREATE TABLE "as_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"layer" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_framework_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"framework_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"locked_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_frameworks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"note" text,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_item_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"self_state" text,
	"self_evidence" text,
	"eval_state" text,
	"eval_methods" text[] DEFAULT '{}'::text[] NOT NULL,
	"eval_note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_nodes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"sort" integer NOT NULL,
	"part_key" text NOT NULL,
	"weight" integer,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"version_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" text NOT NULL,
	"self_due" date NOT NULL,
	"review_due" date NOT NULL,
	"evaluation_due" date NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"opened_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_score_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"node_id" uuid,
	"layer" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "as_sheet_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
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
CREATE TABLE "as_sheets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"subdistrict_id" uuid,
	"state" text NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_note" text,
	"review_comment" text,
	"field_notes" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_by_name" text,
	"signature" text,
	"total" integer,
	"result" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "as_attachments_sheet_idx" ON "as_attachments" USING btree ("sheet_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "as_framework_versions_uq" ON "as_framework_versions" USING btree ("framework_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "as_frameworks_key_uq" ON "as_frameworks" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "as_item_scores_uq" ON "as_item_scores" USING btree ("sheet_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "as_nodes_version_code_uq" ON "as_nodes" USING btree ("version_id","code");--> statement-breakpoint
CREATE INDEX "as_nodes_version_idx" ON "as_nodes" USING btree ("version_id","sort");--> statement-breakpoint
CREATE INDEX "as_rounds_path_idx" ON "as_rounds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "as_rounds_year_idx" ON "as_rounds" USING btree ("year");--> statement-breakpoint
CREATE INDEX "as_score_changes_sheet_idx" ON "as_score_changes" USING btree ("sheet_id","at");--> statement-breakpoint
CREATE INDEX "as_sheet_events_sheet_idx" ON "as_sheet_events" USING btree ("sheet_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "as_sheets_round_unit_uq" ON "as_sheets" USING btree ("round_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "as_sheets_path_idx" ON "as_sheets" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "as_sheets_evaluator_idx" ON "as_sheets" USING btree ("evaluator_id","state");