-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('PROPOSED', 'OPEN', 'CLOSED', 'DECIDED', 'DONE');

-- CreateEnum
CREATE TYPE "TopicRule" AS ENUM ('MAJORITY', 'QUORUM');

-- CreateEnum
CREATE TYPE "TopicCounting" AS ENUM ('PERSON', 'HOUSEHOLD');

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "gridNodeId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "options" TEXT[],
    "status" "TopicStatus" NOT NULL,
    "rule" "TopicRule" NOT NULL DEFAULT 'MAJORITY',
    "quorumPct" INTEGER,
    "counting" "TopicCounting" NOT NULL DEFAULT 'PERSON',
    "windowHours" INTEGER NOT NULL DEFAULT 72,
    "openedAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "proposerId" INTEGER,
    "createdById" INTEGER,
    "sourceMessageId" INTEGER,
    "result" JSONB,
    "decision" TEXT,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicVote" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "voterId" INTEGER NOT NULL,
    "householdKey" TEXT,
    "groupId" INTEGER,
    "choice" INTEGER NOT NULL,
    "messageId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicComment" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "groupId" INTEGER,
    "messageId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicSecond" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "messageId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicSecond_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicPost" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicTask" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "ownerPersonId" INTEGER,
    "ownerDepartment" TEXT,
    "dueAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "createdById" INTEGER NOT NULL,
    "messageId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicRating" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "satisfaction" "Satisfaction" NOT NULL,
    "messageId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TopicRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Residence" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "gridNodeId" INTEGER NOT NULL,
    "householdKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Residence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_sourceMessageId_key" ON "Topic"("sourceMessageId");

-- CreateIndex
CREATE INDEX "Topic_gridNodeId_status_idx" ON "Topic"("gridNodeId", "status");

-- CreateIndex
CREATE INDEX "Topic_status_closesAt_idx" ON "Topic"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "TopicVote_messageId_key" ON "TopicVote"("messageId");

-- CreateIndex
CREATE INDEX "TopicVote_topicId_voterId_idx" ON "TopicVote"("topicId", "voterId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicComment_messageId_key" ON "TopicComment"("messageId");

-- CreateIndex
CREATE INDEX "TopicComment_topicId_idx" ON "TopicComment"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicSecond_messageId_key" ON "TopicSecond"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicSecond_topicId_personId_key" ON "TopicSecond"("topicId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicPost_sourceKey_key" ON "TopicPost"("sourceKey");

-- CreateIndex
CREATE INDEX "TopicPost_topicId_kind_idx" ON "TopicPost"("topicId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "TopicTask_messageId_key" ON "TopicTask"("messageId");

-- CreateIndex
CREATE INDEX "TopicTask_topicId_idx" ON "TopicTask"("topicId");

-- CreateIndex
CREATE UNIQUE INDEX "TopicRating_messageId_key" ON "TopicRating"("messageId");

-- CreateIndex
CREATE INDEX "TopicRating_topicId_idx" ON "TopicRating"("topicId");

-- CreateIndex
CREATE INDEX "Residence_gridNodeId_idx" ON "Residence"("gridNodeId");

-- CreateIndex
CREATE UNIQUE INDEX "Residence_personId_gridNodeId_key" ON "Residence"("personId", "gridNodeId");

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_gridNodeId_fkey" FOREIGN KEY ("gridNodeId") REFERENCES "GridNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicVote" ADD CONSTRAINT "TopicVote_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicComment" ADD CONSTRAINT "TopicComment_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSecond" ADD CONSTRAINT "TopicSecond_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicPost" ADD CONSTRAINT "TopicPost_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicTask" ADD CONSTRAINT "TopicTask_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicRating" ADD CONSTRAINT "TopicRating_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;
