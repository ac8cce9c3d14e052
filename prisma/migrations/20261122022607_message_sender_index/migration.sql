-- CreateIndex
CREATE INDEX "Message_platform_senderExternalId_sentAt_idx" ON "Message"("platform", "senderExternalId", "sentAt");
