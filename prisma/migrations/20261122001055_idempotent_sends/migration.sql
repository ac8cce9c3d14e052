-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "sourceKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Message_sourceKey_key" ON "Message"("sourceKey");
