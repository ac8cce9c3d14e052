-- CreateTable
CREATE TABLE "TicketDailyStat" (
    "day" DATE NOT NULL,
    "gridNodeId" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "reported" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "acceptedOnTime" INTEGER NOT NULL DEFAULT 0,
    "acceptOverdue" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolvedOnTime" INTEGER NOT NULL DEFAULT 0,
    "resolveOverdue" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "escalated" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "rated" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TicketDailyStat_pkey" PRIMARY KEY ("gridNodeId","day","category")
);

-- CreateTable
CREATE TABLE "TicketStatApplied" (
    "ticketId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "TicketStatApplied_pkey" PRIMARY KEY ("ticketId","version")
);
