ALTER TABLE "work_orders" ADD COLUMN "accept_due_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "due_estimated" boolean DEFAULT false NOT NULL;