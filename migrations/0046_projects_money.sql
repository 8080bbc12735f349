CREATE TABLE "pj_disbursements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"source" text NOT NULL,
	"received_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_fund_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"disclosure_id" uuid,
	"snapshot" jsonb NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pj_spends" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"line" text NOT NULL,
	"spent_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"receipt_ref" text NOT NULL,
	"note" text,
	"overrun_approved_by" text,
	"overrun_reason" text,
	"receipt_file_id" uuid,
	"receipt_mime" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pj_disbursements_app_idx" ON "pj_disbursements" USING btree ("application_id","received_on");--> statement-breakpoint
CREATE INDEX "pj_fund_disclosures_app_idx" ON "pj_fund_disclosures" USING btree ("application_id","posted_at");--> statement-breakpoint
CREATE INDEX "pj_spends_app_idx" ON "pj_spends" USING btree ("application_id","spent_on");