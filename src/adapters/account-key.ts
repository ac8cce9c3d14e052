// A short, stable name for a chat account that never reveals its token: used in file and folder names and in logs.
import { createHash } from 'node:crypto';

export function accountKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}
