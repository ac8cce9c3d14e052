// The store contract on PostgreSQL with prepared statements off (LINLI_PG_PREPARE=false, for poolers that cannot keep them).
import { storeContract } from './store.contract.ts';

storeContract('postgres-unprepared');
