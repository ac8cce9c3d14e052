// Candidate training recipes for the hazard model, compared by bench/hazard-lopo.ts.
import { HAZARD_TRAIN, type HazardRecipe } from './hazard-model.training.ts';

export const HAZARD_RECIPES: Record<string, HazardRecipe> = {
  ngram14: { train: { ...HAZARD_TRAIN, ngrams: { ...HAZARD_TRAIN.ngrams, maxN: 4 } } },
};
