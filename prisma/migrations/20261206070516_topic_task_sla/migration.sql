-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "sourceTicketId" INTEGER;

-- AlterTable
ALTER TABLE "TopicTask" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "escalationLevel" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Topic_sourceTicketId_key" ON "Topic"("sourceTicketId");

-- CreateIndex
CREATE INDEX "TopicTask_doneAt_dueAt_idx" ON "TopicTask"("doneAt", "dueAt");
