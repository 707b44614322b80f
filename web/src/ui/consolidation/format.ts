import { formatVietnameseNumber } from '../../numbers';
import type { ConsolidatedIndicator, ConsolidatedUnit } from '../../api/consolidation';

/** A figure as people read it: Vietnamese digits, "%" on rates. */
export function figure(value: number | null, unit?: string): string {
  if (value === null) return '';
  return `${formatVietnameseNumber(value)}${unit === '%' ? '%' : ''}`;
}

export type UnitState = 'missing' | 'errors' | 'warnings' | 'ready';

export function stateOf(unit: ConsolidatedUnit): UnitState {
  if (unit.file === null) return 'missing';
  if (unit.errors > 0) return 'errors';
  return unit.readyToSign ? 'ready' : 'warnings';
}

/** Missing and faulty units first when sorting by state: those are the ones to chase. */
export const stateRank: Record<UnitState, number> = { missing: 0, errors: 1, warnings: 2, ready: 3 };

export function spread(indicator: ConsolidatedIndicator): string {
  if (indicator.min === null) return '';
  return [indicator.min, indicator.median, indicator.max].map((v) => figure(v)).join(' / ');
}
