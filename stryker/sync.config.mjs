// Mutation testing of src/sync (the register's replica, replication and sync engine). Goal 80 %.
import { folderConfig } from './base.mjs';

export default folderConfig({
  name: 'sync',
  mutate: ['src/sync/**/*.ts', '!src/sync/**/*.test.ts'],
  tsconfigFile: 'src/sync/tsconfig.json',
  goal: 80,
  breakAt: 85,
});
