CREATE TABLE "live_blogs" (
	"article_id" integer PRIMARY KEY NOT NULL,
	"coverage_start" timestamp with time zone DEFAULT now() NOT NULL,
	"coverage_end" timestamp with time zone,
	"summary" text DEFAULT '' NOT NULL,
	"poll_seconds" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"pruned_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_blogs_poll_seconds" CHECK ("live_blogs"."poll_seconds" BETWEEN 2 AND 600),
	CONSTRAINT "live_blogs_summary_length" CHECK (length("live_blogs"."summary") <= 4000),
	CONSTRAINT "live_blogs_versions" CHECK ("live_blogs"."pruned_version" >= 0 AND "live_blogs"."pruned_version" <= "live_blogs"."version"),
	CONSTRAINT "live_blogs_coverage" CHECK ("live_blogs"."coverage_end" IS NULL OR "live_blogs"."coverage_end" >= "live_blogs"."coverage_start")
);
--> statement-breakpoint
CREATE TABLE "live_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" jsonb NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key_event" boolean DEFAULT false NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"correction" text,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer NOT NULL,
	"created_by" integer,
	CONSTRAINT "live_entries_title_length" CHECK (length("live_entries"."title") <= 200),
	CONSTRAINT "live_entries_correction_length" CHECK ("live_entries"."correction" IS NULL OR length("live_entries"."correction") BETWEEN 1 AND 1000),
	CONSTRAINT "live_entries_deleted_not_pinned" CHECK ("live_entries"."deleted_at" IS NULL OR NOT "live_entries"."pinned")
);
--> statement-breakpoint
CREATE TABLE "live_entry_authors" (
	"entry_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "live_entry_authors_entry_id_staff_id_pk" PRIMARY KEY("entry_id","staff_id")
);
--> statement-breakpoint
ALTER TABLE "live_blogs" ADD CONSTRAINT "live_blogs_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_article_id_live_blogs_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."live_blogs"("article_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entries" ADD CONSTRAINT "live_entries_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_authors" ADD CONSTRAINT "live_entry_authors_entry_id_live_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."live_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_entry_authors" ADD CONSTRAINT "live_entry_authors_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "live_entries_page_idx" ON "live_entries" USING btree ("article_id","posted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "live_entries_version_idx" ON "live_entries" USING btree ("article_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "live_entries_one_pinned_key" ON "live_entries" USING btree ("article_id") WHERE pinned;--> statement-breakpoint
CREATE INDEX "live_entry_authors_staff_idx" ON "live_entry_authors" USING btree ("staff_id");