-- CreateEnum
CREATE TYPE "ServiceStatus" AS ENUM ('REQUESTED', 'DISPATCHED', 'TAKEN', 'DONE', 'CONFIRMED', 'CANCELLED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'VOLUNTEER';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "skills" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" SERIAL NOT NULL,
    "gridNodeId" INTEGER NOT NULL,
    "groupId" INTEGER,
    "requesterId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "ServiceStatus" NOT NULL,
    "volunteerId" INTEGER,
    "pooled" BOOLEAN NOT NULL DEFAULT false,
    "dispatchedById" INTEGER,
    "dispatchedAt" TIMESTAMP(3),
    "takenAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "result" TEXT,
    "rating" "Satisfaction",
    "sourceMessageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceEvent" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "note" TEXT,
    "messageId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServicePost" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServicePost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "cause" TEXT NOT NULL,
    "requestId" INTEGER,
    "sourceKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_sourceMessageId_key" ON "ServiceRequest"("sourceMessageId");

-- CreateIndex
CREATE INDEX "ServiceRequest_gridNodeId_status_idx" ON "ServiceRequest"("gridNodeId", "status");

-- CreateIndex
CREATE INDEX "ServiceRequest_volunteerId_status_idx" ON "ServiceRequest"("volunteerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceEvent_messageId_key" ON "ServiceEvent"("messageId");

-- CreateIndex
CREATE INDEX "ServiceEvent_requestId_idx" ON "ServiceEvent"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePost_sourceKey_key" ON "ServicePost"("sourceKey");

-- CreateIndex
CREATE INDEX "ServicePost_requestId_kind_idx" ON "ServicePost"("requestId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "PointsEntry_sourceKey_key" ON "PointsEntry"("sourceKey");

-- CreateIndex
CREATE INDEX "PointsEntry_personId_at_idx" ON "PointsEntry"("personId", "at");

-- CreateIndex
CREATE INDEX "PointsEntry_at_idx" ON "PointsEntry"("at");

-- AddForeignKey
ALTER TABLE "ServiceEvent" ADD CONSTRAINT "ServiceEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServicePost" ADD CONSTRAINT "ServicePost_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ServiceRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
