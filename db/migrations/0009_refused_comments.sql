CREATE TABLE "refused_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"status" integer NOT NULL,
	"message" text NOT NULL,
	"field_errors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"article_id" integer,
	"parent_id" text DEFAULT '' NOT NULL,
	"author_name" text DEFAULT '' NOT NULL,
	"author_email" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"client_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "refused_comments_token_key" ON "refused_comments" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refused_comments_expires_idx" ON "refused_comments" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "refused_comments_address_idx" ON "refused_comments" USING btree ("client_address","id");