CREATE TABLE "cert_catalogue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"law_name" text NOT NULL,
	"clause" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cert_register" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"catalogue_id" uuid,
	"item_name" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requesting_body" text,
	"subject_name" text NOT NULL,
	"purpose" text NOT NULL,
	"clause" text,
	"clause_source" text,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"refusal_code" text,
	"seal_use_id" uuid,
	"decided_by" uuid,
	"decided_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_uses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"document" text NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text,
	"requester" text NOT NULL,
	"joint_liability" boolean NOT NULL,
	"status" text NOT NULL,
	"refusal_code" text,
	"certificate_id" uuid,
	"approver_id" uuid,
	"approver_name" text,
	"used_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_catalogue_path_idx" ON "cert_catalogue" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cert_register_number_uq" ON "cert_register" USING btree ("number");--> statement-breakpoint
CREATE INDEX "cert_register_path_idx" ON "cert_register" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "seal_uses_number_uq" ON "seal_uses" USING btree ("number");--> statement-breakpoint
CREATE INDEX "seal_uses_path_idx" ON "seal_uses" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
-- R-AC-2: the certificate register and the seal log are immutable. Only the org path and unit a unit move
-- or merge rewrites may change; every other change, and every delete, is refused.
CREATE FUNCTION "linli_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o jsonb;
  n jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  o := to_jsonb(OLD) - 'org_path' - 'org_unit_id';
  n := to_jsonb(NEW) - 'org_path' - 'org_unit_id';
  IF o IS DISTINCT FROM n THEN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cert_register_append_only" BEFORE UPDATE OR DELETE ON "cert_register"
FOR EACH ROW EXECUTE FUNCTION "linli_append_only"();
--> statement-breakpoint
CREATE TRIGGER "seal_uses_append_only" BEFORE UPDATE OR DELETE ON "seal_uses"
FOR EACH ROW EXECUTE FUNCTION "linli_append_only"();
