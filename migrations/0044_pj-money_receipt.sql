ALTER TABLE "pj_spends" ADD COLUMN "receipt_file_id" uuid;--> statement-breakpoint
ALTER TABLE "pj_spends" ADD COLUMN "receipt_mime" text;