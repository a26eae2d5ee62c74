CREATE TABLE "comment_bursts" (
	"second" timestamp with time zone PRIMARY KEY NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "parent_path" bigint[] DEFAULT '{}'::bigint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "root_id" bigint GENERATED ALWAYS AS (coalesce(parent_path[1], id)) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "thread_path" bigint[] GENERATED ALWAYS AS (parent_path || id) STORED;--> statement-breakpoint
CREATE INDEX "comments_thread_oldest_idx" ON "comments" USING btree ("article_id","root_id","thread_path") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "comments_thread_newest_idx" ON "comments" USING btree ("article_id","root_id" DESC NULLS LAST,"thread_path") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");