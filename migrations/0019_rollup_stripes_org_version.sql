CREATE TABLE "org_tree_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wo_rollups" ADD COLUMN "stripe" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wo_rollups_monthly" ADD COLUMN "stripe" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "wo_rollups" DROP CONSTRAINT "wo_rollups_pk";
--> statement-breakpoint
ALTER TABLE "wo_rollups" ADD CONSTRAINT "wo_rollups_pk" PRIMARY KEY("org_unit_id","day","category_code","stripe");--> statement-breakpoint
ALTER TABLE "wo_rollups_monthly" DROP CONSTRAINT "wo_rollups_monthly_pk";
--> statement-breakpoint
ALTER TABLE "wo_rollups_monthly" ADD CONSTRAINT "wo_rollups_monthly_pk" PRIMARY KEY("org_unit_id","month","stripe");
--> statement-breakpoint
-- Merges fold a moved rollup row into the target's row of the same key, stripe included.
CREATE OR REPLACE FUNCTION "wo_rollups_fold_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.org_unit_id IS DISTINCT FROM OLD.org_unit_id THEN
    UPDATE "wo_rollups" t SET
      received = t.received + OLD.received,
      withdrawn = t.withdrawn + OLD.withdrawn,
      assigned = t.assigned + OLD.assigned,
      accepted_on_time = t.accepted_on_time + OLD.accepted_on_time,
      accepted_late = t.accepted_late + OLD.accepted_late,
      replied = t.replied + OLD.replied,
      replied_on_time = t.replied_on_time + OLD.replied_on_time,
      closed = t.closed + OLD.closed,
      resolved = t.resolved + OLD.resolved,
      followups_valid = t.followups_valid + OLD.followups_valid,
      satisfied = t.satisfied + OLD.satisfied,
      basically_satisfied = t.basically_satisfied + OLD.basically_satisfied,
      dissatisfied = t.dissatisfied + OLD.dissatisfied,
      redone = t.redone + OLD.redone,
      resolved_at_grid = t.resolved_at_grid + OLD.resolved_at_grid,
      resolved_at_community = t.resolved_at_community + OLD.resolved_at_community,
      resolved_at_subdistrict = t.resolved_at_subdistrict + OLD.resolved_at_subdistrict,
      resolved_above = t.resolved_above + OLD.resolved_above,
      overdue = t.overdue + OLD.overdue
    WHERE t.org_unit_id = NEW.org_unit_id AND t.day = NEW.day AND t.category_code = NEW.category_code AND t.stripe = NEW.stripe;
    IF FOUND THEN
      NEW.org_unit_id := OLD.org_unit_id;
      NEW.org_path := OLD.org_path;
      NEW.received := 0;
      NEW.withdrawn := 0;
      NEW.assigned := 0;
      NEW.accepted_on_time := 0;
      NEW.accepted_late := 0;
      NEW.replied := 0;
      NEW.replied_on_time := 0;
      NEW.closed := 0;
      NEW.resolved := 0;
      NEW.followups_valid := 0;
      NEW.satisfied := 0;
      NEW.basically_satisfied := 0;
      NEW.dissatisfied := 0;
      NEW.redone := 0;
      NEW.resolved_at_grid := 0;
      NEW.resolved_at_community := 0;
      NEW.resolved_at_subdistrict := 0;
      NEW.resolved_above := 0;
      NEW.overdue := 0;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "wo_rollups_monthly_fold_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.org_unit_id IS DISTINCT FROM OLD.org_unit_id THEN
    UPDATE "wo_rollups_monthly" t SET
      received = t.received + OLD.received,
      withdrawn = t.withdrawn + OLD.withdrawn,
      assigned = t.assigned + OLD.assigned,
      accepted_on_time = t.accepted_on_time + OLD.accepted_on_time,
      accepted_late = t.accepted_late + OLD.accepted_late,
      replied = t.replied + OLD.replied,
      replied_on_time = t.replied_on_time + OLD.replied_on_time,
      closed = t.closed + OLD.closed,
      resolved = t.resolved + OLD.resolved,
      followups_valid = t.followups_valid + OLD.followups_valid,
      satisfied = t.satisfied + OLD.satisfied,
      basically_satisfied = t.basically_satisfied + OLD.basically_satisfied,
      dissatisfied = t.dissatisfied + OLD.dissatisfied,
      redone = t.redone + OLD.redone,
      resolved_at_grid = t.resolved_at_grid + OLD.resolved_at_grid,
      resolved_at_community = t.resolved_at_community + OLD.resolved_at_community,
      resolved_at_subdistrict = t.resolved_at_subdistrict + OLD.resolved_at_subdistrict,
      resolved_above = t.resolved_above + OLD.resolved_above,
      overdue = t.overdue + OLD.overdue
    WHERE t.org_unit_id = NEW.org_unit_id AND t.month = NEW.month AND t.stripe = NEW.stripe;
    IF FOUND THEN
      NEW.org_unit_id := OLD.org_unit_id;
      NEW.org_path := OLD.org_path;
      NEW.received := 0;
      NEW.withdrawn := 0;
      NEW.assigned := 0;
      NEW.accepted_on_time := 0;
      NEW.accepted_late := 0;
      NEW.replied := 0;
      NEW.replied_on_time := 0;
      NEW.closed := 0;
      NEW.resolved := 0;
      NEW.followups_valid := 0;
      NEW.satisfied := 0;
      NEW.basically_satisfied := 0;
      NEW.dissatisfied := 0;
      NEW.redone := 0;
      NEW.resolved_at_grid := 0;
      NEW.resolved_at_community := 0;
      NEW.resolved_at_subdistrict := 0;
      NEW.resolved_above := 0;
      NEW.overdue := 0;
    END IF;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
INSERT INTO "org_tree_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Every change to a unit other than a household moves the tree's version (households come and go with
-- resident registrations and imports, and nothing cached depends on them).
CREATE FUNCTION "org_tree_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "org_tree_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "org_tree_version_insert" AFTER INSERT ON "org_units"
FOR EACH ROW WHEN (NEW.kind <> 'household') EXECUTE FUNCTION "org_tree_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "org_tree_version_update" AFTER UPDATE ON "org_units"
FOR EACH ROW WHEN (OLD.kind <> 'household' OR NEW.kind <> 'household') EXECUTE FUNCTION "org_tree_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "org_tree_version_delete" AFTER DELETE ON "org_units"
FOR EACH ROW WHEN (OLD.kind <> 'household') EXECUTE FUNCTION "org_tree_version_bump"();
