ALTER TABLE "kt_groups" ADD COLUMN "meeting_cadence" text;--> statement-breakpoint
ALTER TABLE "kt_tasks" ADD COLUMN "milestones" jsonb DEFAULT '[]'::jsonb NOT NULL;