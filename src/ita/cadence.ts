import { CADENCE_LABELS } from '../common/enum-labels';

/** The cadence vocabulary of the shipped checklists (src/ita/data/README.md). */
export const CADENCES = [
  'standing',
  'annual_current_fy',
  'annual_previous_fy',
  'half_year_current_fy',
  'monthly',
  'event_current_fy',
  'multi_year_covering_current_fy',
  'unknown',
] as const;

export type Cadence = (typeof CADENCES)[number];

export const isCadence = (value: unknown): value is Cadence =>
  typeof value === 'string' && (CADENCES as readonly string[]).includes(value);

export const CADENCE_LABELS_TH = CADENCE_LABELS as Record<Cadence, string>;
