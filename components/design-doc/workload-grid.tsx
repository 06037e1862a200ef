'use client';
/**
 * The Workload view of the Design doc tab (issue 15): every table's declared volumes in one grid
 * (rows now, growth per month, rows in 5 years, retention). Keyboard: type in a cell, Enter or the
 * arrow keys commit and move down/up, Escape reverts; Tab moves across. Each committed cell is one
 * `table.setVolume` command. Pasting tab-separated rows from a spreadsheet into any cell applies them
 * as ONE `table.setVolumes` command (one undo step), rows named by their first cell or, without
 * names, from the focused row down in grid order (lib/volumes/paste.ts); rows that did not match are
 * listed. Over PAGE_SIZE tables the grid pages (a filter by name narrows it first).
 */
import { useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { TableVolume } from '@/lib/model/document';
import { formatNumber } from '@/lib/model/requirement-units';
import { rowsIn5yOf } from '@/lib/workload/types';
import { volumeWithField } from '@/lib/volumes/edit';
import { planVolumePaste, WORKLOAD_FIELD_LABEL, WORKLOAD_FIELDS, type GridTable, type PasteProblem, type WorkloadField } from '@/lib/volumes/paste';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { controlClass, cx } from '@/components/ui/styles';

export const PAGE_SIZE = 200;

interface Row extends GridTable {
  label: string;
}

interface PasteReport {
  applied: number;
  problems: PasteProblem[];
  error?: string;
}

export function WorkloadGrid() {
  const tables = useEditor((s) => s.doc.tables);
  const schemas = useEditor((s) => s.doc.schemas);
  const dispatch = useEditor((s) => s.dispatch);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [report, setReport] = useState<PasteReport | undefined>();
  const gridRef = useRef<HTMLTableElement>(null);
  const rows: Row[] = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const out: Row[] = [];
    for (const t of Object.values(tables)) {
      const schema = t.schemaId === undefined ? undefined : schemas[t.schemaId]?.name;
      const label = schema ? `${schema}.${t.name}` : t.name;
      if (needle && !label.toLowerCase().includes(needle)) continue;
      out.push({ id: t.id, label, names: label === t.name ? [t.name] : [t.name, label], volume: t.volume });
    }
    return out;
  }, [tables, schemas, filter]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const commitCell = (row: Row, field: WorkloadField, text: string): string | undefined => {
    const next = volumeWithField(row.volume, field, text);
    if ('error' in next) return next.error;
    const result = dispatch({ type: 'table.setVolume', tableId: row.id, volume: next.volume });
    return 'error' in result ? result.error : undefined;
  };

  const paste = (text: string, rowIndex: number, field: WorkloadField) => {
    const plan = planVolumePaste(text, rows, rowIndex, field);
    if (plan.volumes.length === 0) {
      setReport({ applied: 0, problems: plan.problems });
      return;
    }
    const result = dispatch({ type: 'table.setVolumes', volumes: plan.volumes });
    setReport({ applied: 'error' in result ? 0 : plan.volumes.length, problems: plan.problems, error: 'error' in result ? result.error : undefined });
  };

  /** Focus the cell `delta` rows below (negative: above), turning the page when needed. */
  const move = (rowIndex: number, col: number, delta: number) => {
    const target = rowIndex + delta;
    if (target < 0 || target >= rows.length) return;
    const targetPage = Math.floor(target / PAGE_SIZE);
    if (targetPage !== current) setPage(targetPage);
    // After a page turn the cell renders on the next frame.
    requestAnimationFrame(() => gridRef.current?.querySelector<HTMLInputElement>(`input[data-row="${target}"][data-col="${col}"]`)?.focus());
  };

  if (Object.keys(tables).length === 0) {
    return <p className="text-xs text-slate-500">No tables yet: add tables on the canvas, then declare their volumes here.</p>;
  }
  return (
    <section aria-labelledby="design-workload-title" className="flex flex-col gap-2" data-testid="workload-grid">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h3 id="design-workload-title" className="text-sm font-semibold">Workload: declared volumes</h3>
          <p className="text-[11px] text-slate-500 dark:text-slate-400">
            Enter or arrows commit and move; paste tab-separated rows from a spreadsheet (first column the table name, or rows in grid order from the focused row). A paste is one undo step.
          </p>
        </div>
        <label className="flex items-center gap-1 text-[11px] text-slate-600 dark:text-slate-400">
          Filter
          <input className={cx(controlClass, 'w-40')} value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} aria-label="Filter tables" />
        </label>
      </div>
      {report && (
        <div role="status" data-testid="workload-paste-report" className="rounded border border-slate-200 p-2 text-xs dark:border-slate-700">
          <div className="flex items-center justify-between">
            <span>{report.error ? `Paste refused: ${report.error}` : `Pasted volumes of ${report.applied} ${report.applied === 1 ? 'table' : 'tables'}${report.problems.length ? `; ${report.problems.length} ${report.problems.length === 1 ? 'row' : 'rows'} not applied:` : '.'}`}</span>
            <Button variant="ghost" onClick={() => setReport(undefined)}>Dismiss</Button>
          </div>
          {report.problems.length > 0 && (
            <ul className="mt-1 list-disc pl-4 text-red-700 dark:text-red-400">
              {report.problems.slice(0, 50).map((p, i) => (
                <li key={i}>Line {p.line}{p.column ? `, cell ${p.column}` : ''}: {p.message}</li>
              ))}
              {report.problems.length > 50 && <li>… and {report.problems.length - 50} more</li>}
            </ul>
          )}
        </div>
      )}
      <div className="overflow-auto">
        <table ref={gridRef} role="grid" aria-label="Workload" aria-rowcount={rows.length + 1} className="w-full border-collapse text-xs">
          <thead>
            <tr role="row">
              <th role="columnheader" className="border-b border-slate-200 p-1 text-left dark:border-slate-700">Table</th>
              {WORKLOAD_FIELDS.map((f) => (
                <th key={f} role="columnheader" className="border-b border-slate-200 p-1 text-right dark:border-slate-700">{WORKLOAD_FIELD_LABEL[f]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row, i) => {
              const rowIndex = current * PAGE_SIZE + i;
              return (
                <tr key={row.id} role="row" aria-rowindex={rowIndex + 2}>
                  <th scope="row" role="rowheader" className="max-w-[16rem] truncate p-1 text-left font-mono font-normal">{row.label}</th>
                  {WORKLOAD_FIELDS.map((field, col) => (
                    <td key={field} role="gridcell" className="p-0.5">
                      <GridCell
                        row={rowIndex}
                        col={col}
                        label={`${row.label} ${WORKLOAD_FIELD_LABEL[field]}`}
                        value={row.volume?.[field]}
                        placeholder={field === 'rowsIn5y' ? projected(row.volume) : ''}
                        onCommit={(text) => commitCell(row, field, text)}
                        onMove={(delta) => move(rowIndex, col, delta)}
                        onPaste={(text) => paste(text, rowIndex, field)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className="flex items-center gap-2 text-xs" aria-label="Pages">
          <Button variant="ghost" disabled={current === 0} onClick={() => setPage(current - 1)}>Previous</Button>
          <span>Tables {formatNumber(current * PAGE_SIZE + 1)}–{formatNumber(Math.min(rows.length, (current + 1) * PAGE_SIZE))} of {formatNumber(rows.length)}</span>
          <Button variant="ghost" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>Next</Button>
        </div>
      )}
    </section>
  );
}

/** The computed 5-year count shown where none is declared. */
function projected(volume: TableVolume | undefined): string {
  if (volume?.rowsIn5y !== undefined) return '';
  const n = rowsIn5yOf(volume);
  return n === undefined ? '' : formatNumber(n, 0);
}

interface GridCellProps {
  row: number;
  col: number;
  label: string;
  value: number | undefined;
  placeholder: string;
  onCommit: (text: string) => string | undefined;
  onMove: (delta: number) => void;
  onPaste: (text: string) => void;
}

function GridCell({ row, col, label, value, placeholder, onCommit, onMove, onPaste }: GridCellProps) {
  const stored = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  const [error, setError] = useState<string | undefined>();
  if (base !== stored) {
    setBase(stored);
    setDraft(stored);
    setError(undefined);
  }
  const commit = (): boolean => {
    if (draft === stored) {
      setError(undefined);
      return true;
    }
    const problem = onCommit(draft);
    setError(problem);
    return !problem;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (commit()) onMove(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Escape' && (draft !== stored || error)) {
      e.stopPropagation();
      setDraft(stored);
      setError(undefined);
    }
  };
  const handlePaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    // A single value is ordinary typing; rows or columns are a spreadsheet paste.
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    setDraft(stored);
    onPaste(text);
  };
  return (
    <input
      data-row={row}
      data-col={col}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      title={error}
      inputMode="numeric"
      className={cx(controlClass, 'text-right font-mono')}
      value={draft}
      placeholder={placeholder}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      onPaste={handlePaste}
    />
  );
}
