ALTER TABLE "media" ADD COLUMN "crop_x" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_y" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_w" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_h" double precision;--> statement-breakpoint
ALTER TABLE "media" ADD COLUMN "crop_src" text;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_crop" CHECK (("media"."crop_x" IS NULL AND "media"."crop_y" IS NULL AND "media"."crop_w" IS NULL AND "media"."crop_h" IS NULL AND "media"."crop_src" IS NULL) OR ("media"."crop_x" IS NOT NULL AND "media"."crop_y" IS NOT NULL AND "media"."crop_w" IS NOT NULL AND "media"."crop_h" IS NOT NULL AND "media"."crop_src" IS NOT NULL AND "media"."crop_x" >= 0 AND "media"."crop_y" >= 0 AND "media"."crop_w" > 0 AND "media"."crop_h" > 0 AND "media"."crop_x" + "media"."crop_w" <= 1.000001 AND "media"."crop_y" + "media"."crop_h" <= 1.000001));