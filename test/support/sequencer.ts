// The order files start in: end-to-end first, then integration, contract and unit tests (each group in vitest's own
// order: longest first when a previous run is cached, else largest first). With two workers the last files to start
// decide when the suite ends; a fresh clone (CI) has no cache, and a 60-second e2e file started last left one worker idle
// for most of a minute. Ordering only: every file stands alone (own databases, key prefixes, ports).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const rank = (id: string) => (id.includes('/test/e2e/') ? 0 : id.includes('/test/integration/') ? 1 : id.includes('/test/contract/') ? 2 : 3);

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const at = new Map(base.map((f, i) => [f, i]));
    return [...base].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || at.get(a)! - at.get(b)!);
  }
}
