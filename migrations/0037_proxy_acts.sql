ALTER TABLE "work_orders" ADD COLUMN "principal_resident_id" uuid;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "proxy_user_id" uuid;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "proxy_name" text;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "proxy_consent" jsonb;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "principal_resident_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "proxy_user_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "proxy_name" text;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "proxy_consent" jsonb;--> statement-breakpoint
ALTER TABLE "cert_register" ADD COLUMN "principal_resident_id" uuid;--> statement-breakpoint
ALTER TABLE "cert_register" ADD COLUMN "proxy_user_id" uuid;--> statement-breakpoint
ALTER TABLE "cert_register" ADD COLUMN "proxy_name" text;--> statement-breakpoint
ALTER TABLE "cert_register" ADD COLUMN "proxy_consent" jsonb;--> statement-breakpoint
ALTER TABLE "sv_responses" ADD COLUMN "principal_resident_id" uuid;--> statement-breakpoint
ALTER TABLE "sv_responses" ADD COLUMN "proxy_user_id" uuid;--> statement-breakpoint
ALTER TABLE "sv_responses" ADD COLUMN "proxy_name" text;--> statement-breakpoint
ALTER TABLE "sv_responses" ADD COLUMN "proxy_consent" jsonb;--> statement-breakpoint
CREATE INDEX "work_orders_principal_idx" ON "work_orders" USING btree ("principal_resident_id") WHERE "work_orders"."principal_resident_id" is not null;--> statement-breakpoint
CREATE INDEX "svc_orders_principal_idx" ON "svc_orders" USING btree ("principal_resident_id") WHERE "svc_orders"."principal_resident_id" is not null;