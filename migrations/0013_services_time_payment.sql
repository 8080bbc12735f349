ALTER TABLE "svc_orders" ADD COLUMN "time_payer_volunteer_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "time_paid_minutes" integer;