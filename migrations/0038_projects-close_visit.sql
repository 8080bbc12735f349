ALTER TABLE "pj_applications" ADD COLUMN "visit_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_opinion" text;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_answer" text;