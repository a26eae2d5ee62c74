-- The descending indexes were built DESC NULLS LAST (drizzle's .desc()), but the queries sort by
-- plain DESC, which PostgreSQL means as NULLS FIRST. An index in the other null order cannot give
-- that order, so every listing read the whole section and sorted it. Rebuilt in the order the
-- queries ask for (docs/decisions/2026-11-28-reader-queries.md).
DROP INDEX "articles_live_idx";--> statement-breakpoint
DROP INDEX "articles_section_live_idx";--> statement-breakpoint
DROP INDEX "articles_status_idx";--> statement-breakpoint
DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "comments_thread_newest_idx";--> statement-breakpoint
DROP INDEX "corrections_published_idx";--> statement-breakpoint
CREATE INDEX "articles_live_idx" ON "articles" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "articles_section_live_idx" ON "articles" USING btree ("section_id","published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE status = 'published';--> statement-breakpoint
CREATE INDEX "articles_status_idx" ON "articles" USING btree ("status","modified_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "comments_thread_newest_idx" ON "comments" USING btree ("article_id","root_id" DESC NULLS FIRST,"thread_path") WHERE status = 'approved';--> statement-breakpoint
CREATE INDEX "corrections_published_idx" ON "corrections" USING btree ("published_at" DESC NULLS FIRST);