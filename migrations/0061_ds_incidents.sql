CREATE TABLE "ds_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text NOT NULL,
	"description" text NOT NULL,
	"handling_result" text,
	"reported_by" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ds_incidents_path_idx" ON "ds_incidents" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_incidents_unit_day_idx" ON "ds_incidents" USING btree ("org_unit_id","occurred_on");