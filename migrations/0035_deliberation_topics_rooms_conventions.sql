CREATE TABLE "pt_convention_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"convention_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"text" text NOT NULL,
	"note" text,
	"meeting_id" uuid,
	"adopted_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_conventions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"published_no" integer,
	"published_at" timestamp with time zone,
	"awareness_permille" integer,
	"compliance_permille" integer,
	"rates_source" text,
	"rates_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text NOT NULL,
	"meeting_id" uuid,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_follows" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_formats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topic_supports" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pt_topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"level" text NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"format_id" uuid,
	"work_order_id" uuid,
	"proposer_id" uuid,
	"proposer_name" text NOT NULL,
	"state" text NOT NULL,
	"meeting_id" uuid,
	"supports" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pt_convention_versions_uq" ON "pt_convention_versions" USING btree ("convention_id","no");--> statement-breakpoint
CREATE INDEX "pt_conventions_path_idx" ON "pt_conventions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_rooms_path_idx" ON "pt_rooms" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_topic_comments_topic_idx" ON "pt_topic_comments" USING btree ("topic_id","at");--> statement-breakpoint
CREATE INDEX "pt_topic_events_topic_idx" ON "pt_topic_events" USING btree ("topic_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_topic_follows_uq" ON "pt_topic_follows" USING btree ("topic_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_topic_formats_name_uq" ON "pt_topic_formats" USING btree ("name");--> statement-breakpoint
CREATE INDEX "pt_topic_participants_topic_idx" ON "pt_topic_participants" USING btree ("topic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pt_topic_supports_uq" ON "pt_topic_supports" USING btree ("topic_id","user_id");--> statement-breakpoint
CREATE INDEX "pt_topics_path_idx" ON "pt_topics" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pt_topics_state_idx" ON "pt_topics" USING btree ("state");--> statement-breakpoint
CREATE INDEX "pt_topics_work_order_idx" ON "pt_topics" USING btree ("work_order_id");--> statement-breakpoint
INSERT INTO "pt_topic_formats" ("id", "name", "note", "active", "sort", "created_at", "updated_at") VALUES
  ('0193a000-0000-7000-8000-000000000001', '居民说事', '居民围绕身边事提出、商议', true, 1, now(), now()),
  ('0193a000-0000-7000-8000-000000000002', '民情恳谈', '与居民面对面恳谈民情民意', true, 2, now(), now()),
  ('0193a000-0000-7000-8000-000000000003', '社区夜话', '晚间在社区召开的议事会', true, 3, now(), now()),
  ('0193a000-0000-7000-8000-000000000004', '圆桌会', '社区圆桌会，多方平等协商', true, 4, now(), now()),
  ('0193a000-0000-7000-8000-000000000005', '16号议事日', '每月16日固定议事', true, 5, now(), now()),
  ('0193a000-0000-7000-8000-000000000006', '百姓议事', '百姓议事会', true, 6, now(), now())
ON CONFLICT DO NOTHING;
