CREATE TABLE "pt_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pt_calendar_feeds_token_uq" ON "pt_calendar_feeds" USING btree ("token_hash");