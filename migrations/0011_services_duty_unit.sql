ALTER TABLE "svc_duty_logs" ADD COLUMN "org_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_duty_slots" ADD COLUMN "org_unit_id" uuid;