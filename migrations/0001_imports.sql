ALTER TABLE "import_jobs" ADD COLUMN "format" text DEFAULT 'xlsx' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "file_size" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "progress" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "failure_code" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "failure_params" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "committed_rows" integer;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "errors" jsonb;