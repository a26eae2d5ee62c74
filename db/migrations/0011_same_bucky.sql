CREATE TABLE "article_withdrawals" (
	"id" serial PRIMARY KEY NOT NULL,
	"article_id" integer NOT NULL,
	"headline" text NOT NULL,
	"reason" text NOT NULL,
	"withdrawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" integer,
	CONSTRAINT "article_withdrawals_reason_length" CHECK (length("article_withdrawals"."reason") BETWEEN 1 AND 1000)
);
--> statement-breakpoint
ALTER TABLE "article_withdrawals" ADD CONSTRAINT "article_withdrawals_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "article_withdrawals" ADD CONSTRAINT "article_withdrawals_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_withdrawals_withdrawn_idx" ON "article_withdrawals" USING btree ("withdrawn_at" DESC NULLS FIRST);