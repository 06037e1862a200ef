'use client';
/**
 * Above the DDL text: how many statements the script writes commented out (the target would reject
 * them; everything else applies), each with the errors that took it out. Clicking an error selects
 * the element it names, as in the diagnostics list. Nothing when no statement is commented out.
 */
import { useState } from 'react';
import type { CommentedStatement } from '@/lib/ddl/generate-ddl';
import type { SchemaDocument } from '@/lib/model/document';
import type { Selection } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { commentedOutSentence, selectionForEntity } from './ddl-helpers';

/** Statements listed before "Show all" (a broken import can comment out hundreds). */
const SHOWN = 20;

export interface CommentedBannerProps {
  commented: readonly CommentedStatement[];
  /** `PostgreSQL`, `MySQL`: who would reject them. */
  target: string;
  doc: SchemaDocument;
  select: (selection: Selection) => void;
}

export function CommentedBanner({ commented, target, doc, select }: CommentedBannerProps) {
  const [showAll, setShowAll] = useState(false);
  if (!commented.length) return null;
  const items = showAll ? commented : commented.slice(0, SHOWN);
  return (
    <div
      role="status"
      data-testid="ddl-commented-banner"
      data-count={commented.length}
      className="max-h-40 shrink-0 overflow-y-auto border-b border-amber-300 bg-amber-50 px-2 py-1 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p className="font-medium">{commentedOutSentence(commented.length, target)}</p>
      <ul className="pl-2">
        {items.map((c) => (
          <li key={c.index} data-testid="ddl-commented-statement" className="py-0.5">
            <code className="mr-1 font-mono text-[10px] text-amber-800 dark:text-amber-300">{c.summary}</code>
            {c.diagnostics.map((d, i) => {
              const element = selectionForEntity(doc, d.entityId);
              const text = `${d.message} (${d.code})`;
              return (
                <span key={i} className="block pl-2">
                  {element ? (
                    <button type="button" className="text-left hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500" onClick={() => select(element)}>
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </span>
              );
            })}
          </li>
        ))}
      </ul>
      {commented.length > items.length && (
        <Button variant="ghost" onClick={() => setShowAll(true)}>
          Show all {commented.length}
        </Button>
      )}
    </div>
  );
}
