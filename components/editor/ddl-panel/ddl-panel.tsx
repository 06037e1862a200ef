'use client';
/**
 * The live DDL panel: the document's PostgreSQL or MySQL DDL and the generator's diagnostics (grouped
 * by severity and code, diagnostics-list.tsx), with copy and download. The script is never refused:
 * statements the target would reject are in it commented out, and a banner above says how many and
 * why (commented-banner.tsx). Generation runs in a Web Worker (use-generated-ddl.ts), keyed on the identity of
 * the generator's inputs (immer gives new objects only where something changed; layout-only edits
 * are ignored), and not at all while the panel is closed (nothing is mounted then).
 */
import { useRef, useState } from 'react';
import { dialectSchema, type Dialect, type SchemaDocument } from '@/lib/model/document';
import type { Diagnostic } from '@/lib/model/diagnostics';
import { DIALECT_LIST } from '@/lib/dialects/dialects';
import type { CommentedStatement } from '@/lib/ddl/generate-ddl';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { controlClass, cx } from '@/components/ui/styles';
import { ddlFileName, sameDdlInputs, summarizeDiagnostics } from './ddl-helpers';
import { DiagnosticsList } from './diagnostics-list';
import { CommentedBanner } from './commented-banner';
import { DdlText } from './ddl-text';
import { useGeneratedDdl } from './use-generated-ddl';

const EMPTY = { sql: '', diagnostics: [] as Diagnostic[], commented: [] as CommentedStatement[], failure: undefined as string | undefined, ms: 0 };

export interface DdlPanelProps {
  /** When false nothing is rendered and nothing is generated. Default true. */
  open?: boolean;
  /** Shows a close button when given. */
  onClose?: () => void;
  className?: string;
}

export function DdlPanel({ open = true, onClose, className }: DdlPanelProps) {
  if (!open) return null;
  return <DdlPanelBody onClose={onClose} className={className} />;
}

/**
 * The document as the generator should see it: the previous object while only layout, notes or the
 * design narrative changed (a table drag must not regenerate 1,000 tables of DDL).
 */
function useDdlInput(doc: SchemaDocument): SchemaDocument {
  const [input, setInput] = useState(doc);
  if (!sameDdlInputs(input, doc)) {
    setInput(doc);
    return doc;
  }
  return input;
}

const dialectLabels: Record<Dialect, string> = Object.fromEntries(DIALECT_LIST.map((d) => [d.name, d.label])) as Record<Dialect, string>;

function DdlPanelBody({ onClose, className }: Omit<DdlPanelProps, 'open'>) {
  const doc = useEditor((s) => s.doc);
  const dialect = useEditor((s) => s.dialect);
  const setDialect = useEditor((s) => s.setDialect);
  const select = useEditor((s) => s.select);
  const projectName = useEditor((s) => s.name);
  const { result: generated, pending: stale } = useGeneratedDdl(useDdlInput(doc), dialect);
  const result = generated ?? EMPTY;
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const preRef = useRef<HTMLPreElement>(null);
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flash = (state: 'copied' | 'failed') => {
    setCopyState(state);
    clearTimeout(resetTimer.current);
    resetTimer.current = setTimeout(() => setCopyState('idle'), 1500);
  };

  const handleCopy = async () => {
    try {
      await navigator.clipboard.writeText(result.sql);
      flash('copied');
    } catch {
      // Clipboard API refused (insecure context, permissions): select the text so Ctrl+C works.
      const pre = preRef.current;
      const selection = window.getSelection();
      if (pre && selection) {
        const range = document.createRange();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      flash('failed');
    }
  };

  const handleDownload = () => {
    const blob = new Blob([result.sql], { type: 'application/sql;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = ddlFileName(projectName, dialect);
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Revoke after the click has been handled; revoking synchronously can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section
      aria-label="Generated DDL"
      data-testid="ddl-panel"
      data-generated-on={generated?.where}
      aria-busy={stale}
      className={cx('flex h-full min-h-0 flex-col bg-white text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100', className)}
    >
      <header className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <h2 className="text-xs font-semibold">DDL</h2>
        <select
          data-testid="ddl-dialect-select"
          aria-label="DDL dialect"
          className={cx(controlClass, 'w-auto')}
          value={dialect}
          onChange={(e) => {
            const parsed = dialectSchema.safeParse(e.target.value);
            if (parsed.success) setDialect(parsed.data);
          }}
        >
          {dialectSchema.options.map((d) => (
            <option key={d} value={d}>
              {dialectLabels[d]}
            </option>
          ))}
        </select>
        <span className="flex-1 truncate text-[11px] text-slate-500 dark:text-slate-400" aria-live="polite" data-testid="ddl-status">
          {!generated ? 'Generating…' : `${stale ? 'Updating… · ' : ''}${summarizeDiagnostics(result.diagnostics)} · ${result.ms.toFixed(0)} ms`}
        </span>
        <Button data-testid="ddl-copy" onClick={handleCopy} disabled={!result.sql}>
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Press Ctrl+C' : 'Copy'}
        </Button>
        <Button data-testid="ddl-download" onClick={handleDownload} disabled={!result.sql}>
          Download
        </Button>
        {onClose && (
          <IconButton label="Close DDL panel" onClick={onClose}>
            ✕
          </IconButton>
        )}
      </header>
      {result.failure && (
        <p role="alert" className="border-b border-red-300 bg-red-50 px-2 py-1 text-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
          The DDL generator failed: {result.failure}
        </p>
      )}
      <CommentedBanner commented={result.commented} target={dialectLabels[dialect]} doc={doc} select={select} />
      <DiagnosticsList diagnostics={result.diagnostics} doc={doc} select={select} />
      <DdlText ref={preRef} sql={result.sql} label={`${dialectLabels[dialect]} DDL`} dimmed={stale} />
    </section>
  );
}
