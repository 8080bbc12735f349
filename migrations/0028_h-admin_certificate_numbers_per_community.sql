DROP INDEX "cert_register_number_uq";--> statement-breakpoint
DROP INDEX "seal_uses_number_uq";--> statement-breakpoint
CREATE INDEX "cert_register_unit_number_idx" ON "cert_register" USING btree ("org_unit_id","number");--> statement-breakpoint
CREATE INDEX "seal_uses_unit_number_idx" ON "seal_uses" USING btree ("org_unit_id","number");