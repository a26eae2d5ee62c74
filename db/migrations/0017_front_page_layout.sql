CREATE TABLE "breaking_news" (
	"id" serial PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"href" text,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breaking_news_text_length" CHECK (length("breaking_news"."text") BETWEEN 1 AND 200),
	CONSTRAINT "breaking_news_href" CHECK ("breaking_news"."href" IS NULL OR (length("breaking_news"."href") <= 500 AND ("breaking_news"."href" ~ '^https?://' OR "breaking_news"."href" ~ '^/([^/]|$)')))
);
--> statement-breakpoint
CREATE TABLE "front_page_pins" (
	"id" serial PRIMARY KEY NOT NULL,
	"section_id" integer,
	"position" integer NOT NULL,
	"article_id" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"pinned_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_page_pins_story_key" UNIQUE NULLS NOT DISTINCT("section_id","article_id"),
	CONSTRAINT "front_page_pins_position" CHECK ("front_page_pins"."position" BETWEEN 0 AND 3 AND ("front_page_pins"."section_id" IS NOT NULL OR "front_page_pins"."position" = 0))
);
--> statement-breakpoint
ALTER TABLE "breaking_news" ADD CONSTRAINT "breaking_news_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_pins" ADD CONSTRAINT "front_page_pins_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_pins" ADD CONSTRAINT "front_page_pins_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_page_pins" ADD CONSTRAINT "front_page_pins_pinned_by_staff_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breaking_news_running_idx" ON "breaking_news" USING btree ("ends_at") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "front_page_pins_one_lead_key" ON "front_page_pins" USING btree ("position") WHERE section_id IS NULL;--> statement-breakpoint
CREATE INDEX "front_page_pins_section_idx" ON "front_page_pins" USING btree ("section_id","position");