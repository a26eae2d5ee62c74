ALTER TABLE "media" ADD COLUMN "focal_x" real;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "focal_y" real;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_focal_point" CHECK (("media"."focal_x" IS NULL AND "media"."focal_y" IS NULL) OR ("media"."focal_x" BETWEEN 0 AND 100 AND "media"."focal_y" BETWEEN 0 AND 100));