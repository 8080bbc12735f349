ALTER TABLE "pt_topics" ADD COLUMN "order_evidence" jsonb;--> statement-breakpoint
ALTER TABLE "kt_group_members" ADD COLUMN "unit" text;