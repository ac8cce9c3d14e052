-- A message causes at most one event of each type (a repeat is answered by the store, not by a look-up first).
-- Older rows a race may have doubled keep their history but lose the link to the message, so the index can be built.
UPDATE "TicketEvent" SET "messageId" = NULL
WHERE id IN (
  SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY "messageId", type ORDER BY id) AS n
    FROM "TicketEvent" WHERE "messageId" IS NOT NULL
  ) d WHERE d.n > 1
);

-- CreateIndex
CREATE UNIQUE INDEX "TicketEvent_messageId_type_key" ON "TicketEvent"("messageId", "type");
