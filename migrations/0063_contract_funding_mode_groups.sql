ALTER TABLE "so_contracts" ADD COLUMN "funding_mode" text DEFAULT 'purchase' NOT NULL;--> statement-breakpoint
ALTER TABLE "so_contracts" ADD COLUMN "target_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "so_contracts" ADD COLUMN "beneficiaries" integer;