// The insights (每月一题) over a store: the service with the grid's scope, and the segmenter loaded on first use.
import type { GridScope } from '../../core/grid/grid-scope.ts';
import { InsightsService } from '../../core/insights/insights.service.ts';
import type { Segmenter } from '../../core/insights/insights.types.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { createJiebaSegmenter } from './jieba.segmenter.ts';

export function createInsights(store: Store, scope: GridScope): InsightsService {
  let segmenter: Promise<Segmenter> | undefined;
  return new InsightsService({
    appeals: store.appeals,
    scope,
    people: store.people,
    segmenter: () => (segmenter ??= createJiebaSegmenter()),
  });
}
