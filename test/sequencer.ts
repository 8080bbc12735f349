import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (longest first, from the last run's durations, else largest first), with the files that
 * need no database in front: test/globalSetup.ts makes the database templates in the background while
 * the workers start, and these files (web, shared and policy tests) run meanwhile instead of waiting.
 */
export default class DatabaseLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const needsDatabase = (f: TestSpecification) =>
      /test\/(app|db|factories|projects)'|createTestApp|freshDatabase|openDatabase/.test(
        readFileSync(f.moduleId, 'utf8'),
      );
    return [...sorted.filter((f) => !needsDatabase(f)), ...sorted.filter(needsDatabase)];
  }
}
