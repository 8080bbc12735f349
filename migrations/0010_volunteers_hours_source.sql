ALTER TABLE "volunteer_hours" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD COLUMN "source_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_hours_source_uq" ON "volunteer_hours" USING btree ("source_type","source_id") WHERE "volunteer_hours"."source_id" is not null;