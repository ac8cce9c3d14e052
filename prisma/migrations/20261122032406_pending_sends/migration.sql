-- CreateTable
CREATE TABLE "PendingSend" (
    "key" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingSend_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "PendingSend_createdAt_idx" ON "PendingSend"("createdAt");
