import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ConsolidatedUnit } from '../../api/consolidation';
import { stateOf, stateRank, type UnitState } from './format';
import { useText, type ConsolidationKey } from './strings';

const useStyles = makeStyles({
  scroll: { maxHeight: '60vh', overflow: 'auto' },
  number: { textAlign: 'right' },
});

type Column = 'unit' | 'state' | 'file' | 'template' | 'errors' | 'warnings' | 'infos';
type Direction = 'ascending' | 'descending';

const columns: { key: Column; title: ConsolidationKey }[] = [
  { key: 'unit', title: 'colUnit' },
  { key: 'state', title: 'colState' },
  { key: 'file', title: 'colFile' },
  { key: 'template', title: 'colTemplate' },
  { key: 'errors', title: 'colErrors' },
  { key: 'warnings', title: 'colWarnings' },
  { key: 'infos', title: 'colInfos' },
];

const badge: Record<UnitState, { color: 'danger' | 'warning' | 'success' | 'informative'; text: ConsolidationKey }> = {
  missing: { color: 'informative', text: 'stateMissing' },
  errors: { color: 'danger', text: 'stateErrors' },
  warnings: { color: 'warning', text: 'stateWarnings' },
  ready: { color: 'success', text: 'stateReady' },
};

const collator = new Intl.Collator('vi');

function compare(a: ConsolidatedUnit, b: ConsolidatedUnit, column: Column): number {
  switch (column) {
    case 'state':
      return stateRank[stateOf(a)] - stateRank[stateOf(b)];
    case 'errors':
    case 'warnings':
    case 'infos':
      return a[column] - b[column];
    case 'file':
      return collator.compare(a.file ?? '', b.file ?? '');
    case 'template':
      return collator.compare(a.template ?? '', b.template ?? '');
    default:
      return collator.compare(a.unit, b.unit);
  }
}

/** Every unit with its status, coloured; any column sorts, ties keep the province's own order. */
export function StatusTable({ units }: { units: ConsolidatedUnit[] }) {
  const text = useText();
  const styles = useStyles();
  const [sort, setSort] = useState<{ column: Column; direction: Direction } | null>(null);
  const rows = useMemo(() => {
    const indexed = units.map((unit, index) => ({ unit, index }));
    if (!sort) return indexed;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...indexed].sort((a, b) => sign * compare(a.unit, b.unit, sort.column) || a.index - b.index);
  }, [units, sort]);

  const toggle = (column: Column) =>
    setSort((now) => ({ column, direction: now?.column === column && now.direction === 'ascending' ? 'descending' : 'ascending' }));

  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={text('statusTitle')}>
      <Table size="small" sortable aria-label={text('statusTitle')} data-testid="status-table">
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell
                key={c.key}
                sortDirection={sort?.column === c.key ? sort.direction : undefined}
                onClick={() => toggle(c.key)}
                aria-label={text('sortBy', { c: text(c.title) })}
                data-testid={`sort-${c.key}`}
              >
                {text(c.title)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(({ unit }) => {
            const state = stateOf(unit);
            return (
              <TableRow key={unit.unit} data-testid="status-row" data-unit={unit.unit} data-state={state}>
                <TableCell>{unit.unit}</TableCell>
                <TableCell>
                  <Badge color={badge[state].color} appearance={state === 'missing' ? 'outline' : 'filled'}>
                    {text(badge[state].text)}
                  </Badge>
                </TableCell>
                <TableCell>{unit.file ?? '—'}</TableCell>
                <TableCell>{unit.file === null ? '' : (unit.template ?? text('noTemplate'))}</TableCell>
                <TableCell className={styles.number}>{unit.file === null ? '' : unit.errors}</TableCell>
                <TableCell className={styles.number}>{unit.file === null ? '' : unit.warnings}</TableCell>
                <TableCell className={styles.number}>{unit.file === null ? '' : unit.infos}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
