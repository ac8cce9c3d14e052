-- CreateTable
CREATE TABLE "MonthlyTopic" (
    "id" SERIAL NOT NULL,
    "month" TEXT NOT NULL,
    "gridNodeId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "problemKey" TEXT NOT NULL,
    "problem" JSONB NOT NULL,
    "leadDepartment" TEXT,
    "leadPersonId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthlyTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyTopicTask" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MonthlyTopicTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonthlyTopic_month_idx" ON "MonthlyTopic"("month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyTopic_month_gridNodeId_title_key" ON "MonthlyTopic"("month", "gridNodeId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyTopic_month_gridNodeId_problemKey_key" ON "MonthlyTopic"("month", "gridNodeId", "problemKey");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyTopicTask_ticketId_key" ON "MonthlyTopicTask"("ticketId");

-- CreateIndex
CREATE INDEX "MonthlyTopicTask_topicId_idx" ON "MonthlyTopicTask"("topicId");

-- AddForeignKey
ALTER TABLE "MonthlyTopic" ADD CONSTRAINT "MonthlyTopic_gridNodeId_fkey" FOREIGN KEY ("gridNodeId") REFERENCES "GridNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyTopicTask" ADD CONSTRAINT "MonthlyTopicTask_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "MonthlyTopic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyTopicTask" ADD CONSTRAINT "MonthlyTopicTask_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
