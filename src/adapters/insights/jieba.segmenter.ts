// The insights engine's Segmenter on jieba-wasm (jieba-rs compiled to WebAssembly: dictionary built in, no native
// build, nothing downloaded). Loaded on first use only: the wasm module and its dictionary cost ~0.3 s and ~40 MB,
// which only `linli insights` and the insights API should pay.
import type { Segmenter } from '../../core/insights/insights.types.ts';

type Jieba = typeof import('jieba-wasm');
let loading: Promise<Jieba> | undefined;

/** A jieba segmenter (HMM on, for unknown words); words added are kept whole by every segmenter of the process. */
export async function createJiebaSegmenter(): Promise<Segmenter> {
  loading ??= import('jieba-wasm');
  const jieba = await loading;
  const added = new Set<string>();
  return {
    cut: (text) => jieba.cut(text, true),
    addWords(words) {
      for (const w of words) {
        if (!w || added.has(w)) continue;
        added.add(w);
        // a high frequency with the place tag: 丽发新城 stays one word instead of 丽发/新城
        jieba.add_word(w, 100_000, 'ns');
      }
    },
  };
}
