-- CreateEnum
CREATE TYPE "PatrolSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "PatrolStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'CLOSED');

-- CreateTable
CREATE TABLE "PatrolFinding" (
    "id" SERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" "PatrolSeverity" NOT NULL,
    "status" "PatrolStatus" NOT NULL DEFAULT 'OPEN',
    "groupId" INTEGER NOT NULL,
    "messageId" INTEGER,
    "ticketId" INTEGER,
    "summary" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PatrolFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatrolFinding_dedupKey_key" ON "PatrolFinding"("dedupKey");

-- CreateIndex
CREATE INDEX "PatrolFinding_status_createdAt_idx" ON "PatrolFinding"("status", "createdAt");

-- CreateIndex
CREATE INDEX "PatrolFinding_groupId_createdAt_idx" ON "PatrolFinding"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "PatrolFinding_rule_createdAt_idx" ON "PatrolFinding"("rule", "createdAt");
