CREATE TABLE "as_evidence_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sheet_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"layer" text NOT NULL,
	"source_key" text NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"record_date" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "as_evidence_links_uq" ON "as_evidence_links" USING btree ("sheet_id","node_id","source_key","ref");