CREATE SEQUENCE "public"."wo_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "wo_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"order_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"limit_group" text DEFAULT 'general' NOT NULL,
	"department" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_escalations" (
	"order_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"public_note" text,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_followups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"resolved" boolean NOT NULL,
	"satisfaction" text NOT NULL,
	"unit_fault" boolean DEFAULT false NOT NULL,
	"comment" text,
	"source" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"org_unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wo_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"department" text NOT NULL,
	"status" text NOT NULL,
	"report" text,
	"called_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wo_settings" (
	"org_unit_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"category_code" text NOT NULL,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"description" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"building_id" uuid,
	"grid_id" uuid,
	"community_id" uuid,
	"subdistrict_id" uuid,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"dispatch_path" text NOT NULL,
	"requester_name" text,
	"requester_phone_enc" text,
	"requester_phone_hash" text,
	"requester_phone_mask" text,
	"requester_user_id" uuid,
	"tracking_token_hash" text,
	"created_by" uuid,
	"accept_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"resolution_level" text,
	"duplicate_of_id" uuid,
	"redo_count" integer DEFAULT 0 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"supervised" boolean DEFAULT false NOT NULL,
	"reminders" integer DEFAULT 0 NOT NULL,
	"pending_extension" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "wo_escalations_uq" ON "wo_escalations" USING btree ("order_id","step");--> statement-breakpoint
CREATE INDEX "wo_events_order_idx" ON "wo_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "wo_followups_cycle_uq" ON "wo_followups" USING btree ("order_id","cycle");--> statement-breakpoint
CREATE INDEX "wo_participants_order_idx" ON "wo_participants" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_number_uq" ON "work_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "work_orders_path_idx" ON "work_orders" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_orders_dispatch_path_idx" ON "work_orders" USING btree ("dispatch_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_orders_status_idx" ON "work_orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "work_orders_created_idx" ON "work_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "work_orders_accept_due_idx" ON "work_orders" USING btree ("accept_due_at") WHERE "work_orders"."status" = 'dispatched';--> statement-breakpoint
CREATE INDEX "work_orders_due_idx" ON "work_orders" USING btree ("due_at") WHERE "work_orders"."closed_at" is null;