ALTER TABLE "kt_meetings" ADD COLUMN "place" text;--> statement-breakpoint
ALTER TABLE "kt_meetings" ADD COLUMN "units_visited" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "kt_tasks" ADD COLUMN "owners" jsonb DEFAULT '[]'::jsonb NOT NULL;