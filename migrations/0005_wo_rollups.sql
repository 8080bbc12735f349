CREATE TABLE "wo_rollups" (
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"day" date NOT NULL,
	"category_code" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"accepted_on_time" integer DEFAULT 0 NOT NULL,
	"accepted_late" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"followups_valid" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"redone" integer DEFAULT 0 NOT NULL,
	"resolved_at_grid" integer DEFAULT 0 NOT NULL,
	"resolved_at_community" integer DEFAULT 0 NOT NULL,
	"resolved_at_subdistrict" integer DEFAULT 0 NOT NULL,
	"resolved_above" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wo_rollups_pk" PRIMARY KEY("org_unit_id","day","category_code")
);
--> statement-breakpoint
CREATE TABLE "wo_rollups_monthly" (
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"month" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"assigned" integer DEFAULT 0 NOT NULL,
	"accepted_on_time" integer DEFAULT 0 NOT NULL,
	"accepted_late" integer DEFAULT 0 NOT NULL,
	"replied" integer DEFAULT 0 NOT NULL,
	"replied_on_time" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"followups_valid" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"basically_satisfied" integer DEFAULT 0 NOT NULL,
	"dissatisfied" integer DEFAULT 0 NOT NULL,
	"redone" integer DEFAULT 0 NOT NULL,
	"resolved_at_grid" integer DEFAULT 0 NOT NULL,
	"resolved_at_community" integer DEFAULT 0 NOT NULL,
	"resolved_at_subdistrict" integer DEFAULT 0 NOT NULL,
	"resolved_above" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "wo_rollups_monthly_pk" PRIMARY KEY("org_unit_id","month")
);
--> statement-breakpoint
CREATE INDEX "wo_rollups_path_day_idx" ON "wo_rollups" USING btree ("org_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "wo_rollups_monthly_path_idx" ON "wo_rollups_monthly" USING btree ("org_path" text_pattern_ops,"month");
--> statement-breakpoint
-- When the org module merges a unit it moves the unit's rows to the target; a row the target already
-- has for the same key is added into it instead (the moved row stays on the merged unit, emptied).
CREATE FUNCTION "wo_rollups_fold_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE t.org_unit_id = NEW.org_unit_id AND t.day = NEW.day AND t.category_code = NEW.category_code;
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
CREATE TRIGGER "wo_rollups_fold_merged" BEFORE UPDATE OF org_unit_id ON "wo_rollups"
FOR EACH ROW EXECUTE FUNCTION "wo_rollups_fold_merged"();
--> statement-breakpoint
-- When the org module merges a unit it moves the unit's rows to the target; a row the target already
-- has for the same key is added into it instead (the moved row stays on the merged unit, emptied).
CREATE FUNCTION "wo_rollups_monthly_fold_merged"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    WHERE t.org_unit_id = NEW.org_unit_id AND t.month = NEW.month;
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
CREATE TRIGGER "wo_rollups_monthly_fold_merged" BEFORE UPDATE OF org_unit_id ON "wo_rollups_monthly"
FOR EACH ROW EXECUTE FUNCTION "wo_rollups_monthly_fold_merged"();
