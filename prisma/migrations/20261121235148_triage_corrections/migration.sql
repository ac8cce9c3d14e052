-- CreateTable
CREATE TABLE "TriageCorrection" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ticketId" INTEGER,
    "actorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriageCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TriageCorrection_createdAt_idx" ON "TriageCorrection"("createdAt");
