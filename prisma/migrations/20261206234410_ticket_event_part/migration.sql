-- A message naming several separate problems causes one event of a type per problem (its part, 0 for all else).
-- DropIndex
DROP INDEX "TicketEvent_messageId_type_key";

-- AlterTable
ALTER TABLE "TicketEvent" ADD COLUMN     "part" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "TicketEvent_messageId_type_part_key" ON "TicketEvent"("messageId", "type", "part");
