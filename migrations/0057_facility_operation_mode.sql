ALTER TABLE "fc_facilities" ADD COLUMN "operation_mode" text;--> statement-breakpoint
ALTER TABLE "fc_facilities" ADD COLUMN "contract_start_on" date;--> statement-breakpoint
ALTER TABLE "fc_facilities" ADD COLUMN "contract_end_on" date;--> statement-breakpoint
ALTER TABLE "fc_facilities" ADD COLUMN "yearly_fee_fen" bigint;