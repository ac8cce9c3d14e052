// Prisma CLI configuration. The URL is only used by Prisma tooling; the app connects through driver adapters.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
