ALTER TABLE "workers" ADD COLUMN "part_time" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "user_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "link" text DEFAULT 'declared' NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "consent_by" text;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "consent_note" text;--> statement-breakpoint
ALTER TABLE "ledger_designees" ADD COLUMN "consent_recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "reversed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "reversed_by" uuid;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "reversed_by_name" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "reverse_reason" text;--> statement-breakpoint
ALTER TABLE "redemptions" ADD COLUMN "reversal_transaction_id" text;--> statement-breakpoint
ALTER TABLE "svc_duty_logs" ADD COLUMN "self_entered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "svc_duty_logs" ADD COLUMN "photo_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_duty_slots" ADD COLUMN "person_user_id" uuid;--> statement-breakpoint
ALTER TABLE "svc_orders" ADD COLUMN "time_payer_designee_id" uuid;