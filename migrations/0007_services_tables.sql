CREATE SEQUENCE "public"."svc_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" text NOT NULL,
	"unit" text NOT NULL,
	"credit" boolean DEFAULT false NOT NULL,
	"cap" integer,
	"name" text NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_designees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"resident_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_earning_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"activity_type" text NOT NULL,
	"points_per_hour" integer NOT NULL,
	"daily_cap" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"amount" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"memo" text,
	"source_type" text,
	"source_id" text,
	"reverses_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"org_path" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_settlements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"point_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"up_to" date NOT NULL,
	"redemption_count" integer NOT NULL,
	"points_total" integer NOT NULL,
	"fen_per_point" integer,
	"cash_fen" integer DEFAULT 0 NOT NULL,
	"idempotency_key" text NOT NULL,
	"transaction_id" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"point_id" uuid,
	"items" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"redemption_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"point_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"price_points" integer NOT NULL,
	"stock" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"redemption_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_name" text NOT NULL,
	"unit_points" integer NOT NULL,
	"quantity" integer NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_point_users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"point_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemption_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_mask" text,
	"uscc" text,
	"status" text DEFAULT 'active' NOT NULL,
	"registered_on" date NOT NULL,
	"fen_per_point" integer,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"point_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"volunteer_name" text NOT NULL,
	"total_points" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"transaction_id" text NOT NULL,
	"code_id" uuid,
	"counter_user_id" uuid,
	"settlement_id" uuid,
	"redeemed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_duty_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slot_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"content" text NOT NULL,
	"visitors" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "svc_duty_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"person_type" text NOT NULL,
	"person_name" text NOT NULL,
	"person_key" text NOT NULL,
	"person_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"source" text NOT NULL,
	"category" text,
	"status" text NOT NULL,
	"raised_by" text,
	"order_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_order_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
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
CREATE TABLE "svc_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"community_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"grid_id" uuid,
	"project_id" uuid,
	"need_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"activity_type" text NOT NULL,
	"status" text NOT NULL,
	"ordered_by" uuid,
	"ordered_by_name" text,
	"on_behalf" boolean DEFAULT false NOT NULL,
	"beneficiary_name" text NOT NULL,
	"beneficiary_phone_enc" text,
	"beneficiary_phone_mask" text,
	"beneficiary_address_enc" text,
	"beneficiary_address_mask" text,
	"preferred_at" timestamp with time zone,
	"assignee_type" text,
	"assignee_id" uuid,
	"assignee_name" text,
	"assignee_user_id" uuid,
	"dispatched_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"check_in_at" timestamp with time zone,
	"check_out_at" timestamp with time zone,
	"served_minutes" integer,
	"confirmed_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"closed_at" timestamp with time zone,
	"alert" text,
	"timeouts" integer DEFAULT 0 NOT NULL,
	"declines" integer DEFAULT 0 NOT NULL,
	"credit_ref" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"provider_type" text NOT NULL,
	"provider_id" uuid,
	"provider_name" text,
	"schedule" text,
	"capacity" integer,
	"activity_type" text NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_resources" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"owner_type" text,
	"owner_id" uuid,
	"quantity" integer,
	"available" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_settings" (
	"org_unit_id" uuid PRIMARY KEY NOT NULL,
	"accept_timeout_hours" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_stations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "svc_sweep_steps" (
	"order_id" uuid NOT NULL,
	"step" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_owner_uq" ON "ledger_accounts" USING btree ("owner_kind","owner_id","unit");--> statement-breakpoint
CREATE INDEX "ledger_accounts_path_idx" ON "ledger_accounts" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ledger_designees_account_idx" ON "ledger_designees" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_earning_rules_uq" ON "ledger_earning_rules" USING btree ("org_unit_id","activity_type");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_entries_tx_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_key_uq" ON "ledger_transactions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_reverses_uq" ON "ledger_transactions" USING btree ("reverses_id") WHERE "ledger_transactions"."reverses_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transactions_source_idx" ON "ledger_transactions" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_occurred_idx" ON "ledger_transactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "merchant_settlements_idem_uq" ON "merchant_settlements" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "merchant_settlements_path_idx" ON "merchant_settlements" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "merchant_settlements_point_idx" ON "merchant_settlements" USING btree ("point_id","created_at");--> statement-breakpoint
CREATE INDEX "redemption_codes_hash_idx" ON "redemption_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "redemption_codes_user_idx" ON "redemption_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "redemption_items_point_idx" ON "redemption_items" USING btree ("point_id");--> statement-breakpoint
CREATE INDEX "redemption_lines_redemption_idx" ON "redemption_lines" USING btree ("redemption_id");--> statement-breakpoint
CREATE INDEX "redemption_lines_item_idx" ON "redemption_lines" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "redemption_point_users_user_uq" ON "redemption_point_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rpu_point_idx" ON "redemption_point_users" USING btree ("point_id");--> statement-breakpoint
CREATE INDEX "redemption_points_path_idx" ON "redemption_points" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "redemption_points_uscc_uq" ON "redemption_points" USING btree ("uscc") WHERE "redemption_points"."uscc" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "redemptions_idem_uq" ON "redemptions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "redemptions_path_idx" ON "redemptions" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "redemptions_point_idx" ON "redemptions" USING btree ("point_id","redeemed_at");--> statement-breakpoint
CREATE INDEX "redemptions_volunteer_idx" ON "redemptions" USING btree ("volunteer_id","redeemed_at");--> statement-breakpoint
CREATE INDEX "redemptions_unsettled_idx" ON "redemptions" USING btree ("point_id") WHERE "redemptions"."settlement_id" is null;--> statement-breakpoint
CREATE INDEX "svc_duty_logs_slot_idx" ON "svc_duty_logs" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "svc_duty_slots_station_idx" ON "svc_duty_slots" USING btree ("station_id","starts_at");--> statement-breakpoint
CREATE INDEX "svc_duty_slots_person_idx" ON "svc_duty_slots" USING btree ("person_key","starts_at");--> statement-breakpoint
CREATE INDEX "svc_needs_path_idx" ON "svc_needs" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "svc_order_events_order_idx" ON "svc_order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "svc_orders_number_uq" ON "svc_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "svc_orders_path_idx" ON "svc_orders" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "svc_orders_status_idx" ON "svc_orders" USING btree ("status");--> statement-breakpoint
CREATE INDEX "svc_orders_assignee_idx" ON "svc_orders" USING btree ("assignee_user_id");--> statement-breakpoint
CREATE INDEX "svc_orders_ordered_by_idx" ON "svc_orders" USING btree ("ordered_by");--> statement-breakpoint
CREATE INDEX "svc_orders_accept_due_idx" ON "svc_orders" USING btree ("accept_due_at") WHERE "svc_orders"."status" = 'dispatched';--> statement-breakpoint
CREATE INDEX "svc_orders_created_idx" ON "svc_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "svc_projects_path_idx" ON "svc_projects" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "svc_resources_path_idx" ON "svc_resources" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "svc_stations_path_idx" ON "svc_stations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "svc_sweep_steps_uq" ON "svc_sweep_steps" USING btree ("order_id","step");