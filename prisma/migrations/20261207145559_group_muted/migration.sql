-- A group inactive because the bot, still a member, may not send there (Telegram: restricted), not because it left.
-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "muted" BOOLEAN NOT NULL DEFAULT false;
