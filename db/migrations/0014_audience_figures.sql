CREATE TABLE "article_views_daily" (
	"article_id" integer NOT NULL,
	"day" date NOT NULL,
	"views" bigint NOT NULL,
	CONSTRAINT "article_views_daily_article_id_day_pk" PRIMARY KEY("article_id","day")
);
--> statement-breakpoint
CREATE TABLE "article_views_hourly" (
	"article_id" integer NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "article_views_hourly_article_id_hour_pk" PRIMARY KEY("article_id","hour"),
	CONSTRAINT "article_views_hourly_positive" CHECK ("article_views_hourly"."views" > 0)
);
--> statement-breakpoint
CREATE TABLE "referrer_views_daily" (
	"day" date NOT NULL,
	"domain" text NOT NULL,
	"views" bigint NOT NULL,
	CONSTRAINT "referrer_views_daily_day_domain_pk" PRIMARY KEY("day","domain")
);
--> statement-breakpoint
CREATE TABLE "referrer_views_hourly" (
	"hour" timestamp with time zone NOT NULL,
	"domain" text NOT NULL,
	"views" integer NOT NULL,
	CONSTRAINT "referrer_views_hourly_hour_domain_pk" PRIMARY KEY("hour","domain"),
	CONSTRAINT "referrer_views_hourly_positive" CHECK ("referrer_views_hourly"."views" > 0),
	CONSTRAINT "referrer_views_hourly_domain" CHECK (length("referrer_views_hourly"."domain") <= 253)
);
--> statement-breakpoint
ALTER TABLE "article_views_daily" ADD CONSTRAINT "article_views_daily_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_views_hourly" ADD CONSTRAINT "article_views_hourly_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_views_daily_day_idx" ON "article_views_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "article_views_hourly_hour_idx" ON "article_views_hourly" USING btree ("hour");