'use client';
/**
 * "Download HTML" and "Download PDF" in the Design doc tab (issue 16, Exports). Both start from the
 * document as the editor holds it (what the preview shows, in the tab's dialect, dated today):
 * - HTML: export-html.ts builds the single file in the browser (the diagrams need a DOM) and saves it;
 * - PDF: the same file, printed by the server's headless Chromium (POST /api/design-doc/pdf). When
 *   the server has none (503 pdf_unavailable) the message says so and "Print…" opens the browser's
 *   print dialog on the same print-styled file, from which "Save as PDF" gives an equivalent PDF.
 */
import { useRef, useState } from 'react';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import { generateDesignDoc } from '@/lib/design-doc/generate-design-doc';
import { saveBlob } from '@/components/download/diagram-image';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/components/editor/api-fetch';
import { buildDesignDocHtml, DESIGN_DOC_BASENAME } from './export-html';

type Status = { kind: 'idle' } | { kind: 'working'; what: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string; printable?: string };

async function errorMessage(res: Response): Promise<{ message: string; code?: string }> {
  try {
    const body = (await res.json()) as { error?: { message?: string; code?: string } };
    return { message: body.error?.message ?? `HTTP ${res.status}`, code: body.error?.code };
  } catch {
    return { message: `HTTP ${res.status}` };
  }
}

/** The browser's print dialog on the exported file, from a frame that runs no script (sandboxed). */
function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  // allow-same-origin: this page may call print() on it; allow-modals: print() may open; no allow-scripts.
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10px;top:-10px';
  frame.srcdoc = html;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}

export function DesignDocExportActions({ doc, dialect, projectName }: { doc: SchemaDocument; dialect: Dialect; projectName?: string }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const busy = useRef(false);

  async function run(what: string, work: () => Promise<Status>) {
    if (busy.current) return;
    busy.current = true;
    setStatus({ kind: 'working', what });
    try {
      setStatus(await work());
    } catch (err) {
      setStatus({ kind: 'error', message: `${what} failed: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      busy.current = false;
    }
  }

  // As GET /api/projects/:id/export writes the Markdown: the project's name and today's date in the front matter.
  const build = () => buildDesignDocHtml(generateDesignDoc(doc, { dialect, projectName, date: new Date().toISOString().slice(0, 10) }));
  const diagramsNote = (drawn: number, failed: number) => `${drawn} diagram${drawn === 1 ? '' : 's'}${failed ? `, ${failed} could not be drawn (source kept)` : ''}`;

  const downloadHtml = () =>
    run('Building the HTML', async () => {
      const out = await build();
      saveBlob(new Blob([out.html], { type: 'text/html;charset=utf-8' }), `${DESIGN_DOC_BASENAME}.html`);
      return { kind: 'done', message: `${DESIGN_DOC_BASENAME}.html saved (${diagramsNote(out.diagrams, out.diagramErrors)}).` };
    });

  const downloadPdf = () =>
    run('Making the PDF', async () => {
      const out = await build();
      const res = await apiFetch('/api/design-doc/pdf', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ html: out.html, fileName: `${DESIGN_DOC_BASENAME}.pdf` }),
      });
      if (!res.ok) {
        const { message, code } = await errorMessage(res);
        return code === 'pdf_unavailable'
          ? { kind: 'error', message: `${message} Meanwhile, "Print…" opens your browser's print dialog on the same document: choose "Save as PDF".`, printable: out.html }
          : { kind: 'error', message };
      }
      saveBlob(await res.blob(), `${DESIGN_DOC_BASENAME}.pdf`);
      return { kind: 'done', message: `${DESIGN_DOC_BASENAME}.pdf saved (${diagramsNote(out.diagrams, out.diagramErrors)}).` };
    });

  const working = status.kind === 'working';
  return (
    <div className="flex flex-col items-end gap-1" data-testid="design-doc-export">
      <div className="flex items-center gap-1">
        <Button onClick={downloadHtml} disabled={working} title="One HTML file: GitHub-style rendering, diagrams as images, no script, nothing loaded from elsewhere">
          Download HTML
        </Button>
        <Button onClick={downloadPdf} disabled={working} title="A PDF printed by the server (diagrams as vector images, headings as bookmarks)">
          Download PDF
        </Button>
      </div>
      {status.kind !== 'idle' && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} data-testid="design-doc-export-status" data-state={status.kind} className={status.kind === 'error' ? 'max-w-md text-right text-[11px] text-red-600 dark:text-red-400' : 'max-w-md text-right text-[11px] text-slate-500 dark:text-slate-400'}>
          {status.kind === 'working' ? `${status.what}…` : status.message}
          {status.kind === 'error' && status.printable !== undefined && (
            <Button className="ml-2" onClick={() => printHtml(status.printable!)}>
              Print…
            </Button>
          )}
        </p>
      )}
    </div>
  );
}
