ALTER TABLE "pj_applications" ADD COLUMN "completion_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "completion_note" text;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "completion_overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "summary_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "summary_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "summary_text" text;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "summary_overdue_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_opinion" text;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pj_applications" ADD COLUMN "visit_answer" text;--> statement-breakpoint
UPDATE "pj_applications" a SET
  "completion_due_at" = (c."completion_due"::text || 'T23:59:59.999+08:00')::timestamptz,
  "summary_due_at" = (c."summary_due"::text || 'T23:59:59.999+08:00')::timestamptz
FROM "pj_calls" c WHERE c."id" = a."call_id" AND a."state" = 'selected';
