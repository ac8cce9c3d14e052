// Recognising the store's refusals, whichever driver adapter (pg, PGlite) wrapped them.

/** Prisma's unique-constraint violation (P2002), however the driver adapter wraps it. */
export const isUniqueViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return err?.code === 'P2002' || err?.cause?.code === '23505' || err?.meta?.driverAdapterError?.cause?.kind === 'UniqueConstraintViolation';
};

/** Runs a write that a unique key makes happen once: null when the row was there already (a redelivery). */
export async function onceOrNull<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}
