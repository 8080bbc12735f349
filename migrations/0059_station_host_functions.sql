ALTER TABLE "svc_stations" ADD COLUMN "host_facility_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_stations" ADD COLUMN "functions" text[] DEFAULT '{}'::text[] NOT NULL;