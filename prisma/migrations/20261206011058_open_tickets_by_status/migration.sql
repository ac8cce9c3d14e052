-- CreateIndex
CREATE INDEX "Ticket_status_gridNodeId_idx" ON "Ticket"("status", "gridNodeId");
