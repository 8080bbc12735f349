CREATE TABLE "ds_risks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"round" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"level" text NOT NULL,
	"involved" text,
	"measures" text,
	"state" text NOT NULL,
	"handled_note" text,
	"resolved_at" timestamp with time zone,
	"reported_by" uuid,
	"reported_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ds_risks_path_idx" ON "ds_risks" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "ds_risks_round_idx" ON "ds_risks" USING btree ("round");