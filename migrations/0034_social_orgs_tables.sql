CREATE TABLE "so_contract_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_on" text,
	"done_on" text,
	"amount_fen" bigint,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"buyer" text NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"start_on" text NOT NULL,
	"end_on" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_fund_flows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fund_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"party" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"purpose" text,
	"occurred_on" text NOT NULL,
	"ledger_tx_id" uuid NOT NULL,
	"balance_after_fen" bigint NOT NULL,
	"actor_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_funds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_incubations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"tier" text NOT NULL,
	"stage" text NOT NULL,
	"base_name" text NOT NULL,
	"mentor" text,
	"started_on" text NOT NULL,
	"ended_on" text,
	"outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject" text NOT NULL,
	"social_org_id" uuid,
	"social_worker_id" uuid,
	"volunteer" text,
	"charity_resource" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"name" text NOT NULL,
	"migrant" boolean DEFAULT false NOT NULL,
	"role" text,
	"joined_on" text,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"category" text NOT NULL,
	"founder_group" text,
	"incubation_tier" text,
	"incubation_stage" text,
	"contact_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_proposal_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"comment" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "so_proposal_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"round_path" text NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"grant_fen" bigint,
	"state" text NOT NULL,
	"report_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"opens_on" text NOT NULL,
	"closes_on" text NOT NULL,
	"state" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_station_workers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "so_stations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"org_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"operator_org_id" uuid,
	"opened_on" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "so_contract_items_idx" ON "so_contract_items" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "so_contracts_path_idx" ON "so_contracts" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_fund_flows_fund_idx" ON "so_fund_flows" USING btree ("fund_id","created_at");--> statement-breakpoint
CREATE INDEX "so_funds_path_idx" ON "so_funds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_incubations_org_idx" ON "so_incubations" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "so_incubations_path_idx" ON "so_incubations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_links_path_idx" ON "so_links" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_members_org_idx" ON "so_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "so_members_path_idx" ON "so_members" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_profiles_path_idx" ON "so_profiles" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_proposal_events_idx" ON "so_proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "so_proposal_scores_uq" ON "so_proposal_scores" USING btree ("proposal_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "so_proposals_round_org_title_uq" ON "so_proposals" USING btree ("round_id","org_id","title");--> statement-breakpoint
CREATE INDEX "so_proposals_path_idx" ON "so_proposals" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_proposals_round_path_idx" ON "so_proposals" USING btree ("round_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "so_rounds_path_idx" ON "so_rounds" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "so_station_workers_uq" ON "so_station_workers" USING btree ("station_id","worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "so_stations_unit_uq" ON "so_stations" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "so_stations_path_idx" ON "so_stations" USING btree ("org_path" text_pattern_ops);--> statement-breakpoint
-- Custom SQL (social-orgs): every social organisation of the people registry has a profile in the
-- social-orgs module, whichever path created it (the people API, imports, the demo seed): a trigger
-- adds it on insert (class from the public-welfare flag until staff set it) and keeps its unit and path
-- with the organisation's; existing organisations get theirs here.
CREATE FUNCTION "so_profile_follow_social_org"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "so_profiles" ("id", "org_unit_id", "org_path", "category", "created_at", "updated_at")
    VALUES (NEW."id", NEW."org_unit_id", NEW."org_path",
            CASE WHEN NEW."public_welfare" THEN 'public_welfare' ELSE 'interest' END,
            NEW."created_at", NEW."updated_at")
    ON CONFLICT ("id") DO NOTHING;
  ELSIF NEW."org_unit_id" IS DISTINCT FROM OLD."org_unit_id" OR NEW."org_path" IS DISTINCT FROM OLD."org_path" THEN
    UPDATE "so_profiles" SET "org_unit_id" = NEW."org_unit_id", "org_path" = NEW."org_path" WHERE "id" = NEW."id";
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "so_profile_follow_social_org" AFTER INSERT OR UPDATE OF "org_unit_id", "org_path" ON "social_orgs"
  FOR EACH ROW EXECUTE FUNCTION "so_profile_follow_social_org"();
--> statement-breakpoint
INSERT INTO "so_profiles" ("id", "org_unit_id", "org_path", "category", "created_at", "updated_at")
SELECT "id", "org_unit_id", "org_path", CASE WHEN "public_welfare" THEN 'public_welfare' ELSE 'interest' END,
       "created_at", "updated_at"
FROM "social_orgs"
ON CONFLICT ("id") DO NOTHING;
