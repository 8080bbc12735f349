ALTER TABLE "volunteer_attendance" ADD COLUMN "check_out_note" text;--> statement-breakpoint
ALTER TABLE "volunteer_attendance" ADD COLUMN "check_out_photo_id" uuid;