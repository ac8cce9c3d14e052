// PLACEHOLDER until the jieba-wasm segmenter lands: character bigrams. Replaced by the engine's adapter.
import type { Segmenter } from '../../core/insights/insights.types.ts';

export async function loadSegmenter(): Promise<Segmenter> {
  const words = new Set<string>();
  return {
    addWords: (w) => w.forEach((x) => words.add(x)),
    cut: (text) => {
      const out: string[] = [];
      for (const w of words) if (text.includes(w)) out.push(w);
      for (let i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
      return out;
    },
  };
}
