/**
 * English titles of the taxonomy the commitments are tagged with, as the seed stores them. They
 * live with their translations in lib/ (English copied from `seed/source/gcm-objectives.md`;
 * GCM: A/RES/73/195; SDG targets: short titles).
 */
import { GCM_OBJECTIVE_TITLES as GCM_OBJECTIVE_TITLES_IN_EVERY_LOCALE } from '../lib/gcm-objective-titles';
import { SDG_TARGET_TITLES as SDG_TARGET_TITLES_IN_EVERY_LOCALE } from '../lib/sdg-target-titles';
import type { SdgTarget } from '../lib/taxonomy';

/** The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration. */
export const GCM_OBJECTIVE_TITLES: Record<number, string> = Object.fromEntries(
  Object.entries(GCM_OBJECTIVE_TITLES_IN_EVERY_LOCALE).map(([number, title]) => [number, title.en]),
);

/** Short titles of the SDG targets the report touches (every key of `SDG_TARGETS`). */
export const SDG_TARGET_TITLES = Object.fromEntries(
  Object.entries(SDG_TARGET_TITLES_IN_EVERY_LOCALE).map(([target, title]) => [target, title.en]),
) as Record<SdgTarget, string>;
