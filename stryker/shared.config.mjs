// Mutation testing of src/shared (domain rules, schemas, protocols). Goal 90 %.
import { folderConfig } from './base.mjs';

export default folderConfig({
  name: 'shared',
  mutate: ['src/shared/**/*.ts', '!src/shared/**/*.test.ts'],
  tsconfigFile: 'src/shared/tsconfig.json',
  goal: 90,
  breakAt: 70,
});
