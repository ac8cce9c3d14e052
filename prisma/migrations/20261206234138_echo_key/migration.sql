-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "echoKey" TEXT;

-- The key of the bot's messages already stored (the expression of saveOutgoing in prisma-message.repository.ts)
UPDATE "Message" SET "echoKey" = CASE WHEN char_length(regexp_replace(text, '\s+', '', 'g')) >= 12
    THEN COALESCE(substring(regexp_replace(text, '\s+', '', 'g') from '#[0-9]+'), left(regexp_replace(text, '\s+', '', 'g'), 12)) END
  WHERE direction = 'OUT' AND "senderExternalId" IS NULL;

-- CreateIndex
CREATE INDEX "Message_platform_echoKey_sentAt_id_idx" ON "Message"("platform", "echoKey", "sentAt", "id");
