'use client';
/**
 * The main area while versions are reviewed: a banner saying what is shown (read-only), and the
 * review canvas — or, for a comparison, its Migration tab.
 */
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/styles';
import { ReviewCanvas } from './review-canvas';
import { MigrationTab } from './migration-tab';
import type { VersionReview } from './use-version-review';
import { CURRENT } from './versions-panel';

export function ReviewMain({ review: r, colorMode }: { review: VersionReview; colorMode: 'light' | 'dark' | 'system' }) {
  const [tab, setTab] = useState<'canvas' | 'migration'>('canvas');
  const { review, viewStore, comparison } = r;
  if (!review || !viewStore) return null;
  const counts = comparison && {
    added: comparison.diff.entries.filter((e) => e.change === 'added').length,
    removed: comparison.diff.entries.filter((e) => e.change === 'removed').length,
    changed: comparison.diff.entries.filter((e) => e.change === 'changed').length,
  };
  return (
    <div className="flex h-full flex-col" data-testid="review" data-kind={review.kind}>
      <div className="flex flex-wrap items-center gap-2 border-b border-amber-300 bg-amber-50 px-3 py-1 text-sm dark:border-amber-800 dark:bg-amber-950" data-testid="review-banner">
        {review.kind === 'version' ? (
          <>
            <span>
              Version <strong>{review.side.label}</strong> — read-only
            </span>
            <Button onClick={() => review.side.versionId && r.actions.compare(review.side.versionId, CURRENT)}>Compare with current</Button>
            <Button variant="danger" onClick={() => review.side.versionId && r.actions.restore(review.side.versionId)}>
              Restore this version
            </Button>
          </>
        ) : (
          <>
            <span>
              Comparing <strong>{review.from.label}</strong> → <strong>{review.to.label}</strong>
              {counts && (
                <span className="ml-2 text-xs" data-testid="review-counts">
                  <span className="text-green-700 dark:text-green-400">{counts.added} added</span>, <span className="text-slate-500">{counts.removed} removed</span>,{' '}
                  <span className="text-amber-700 dark:text-amber-400">{counts.changed} changed</span>
                </span>
              )}
            </span>
            <div role="tablist" aria-label="Comparison view" className="flex rounded border border-slate-300 p-0.5 dark:border-slate-700">
              {(['canvas', 'migration'] as const).map((t) => (
                <button key={t} type="button" role="tab" aria-selected={tab === t} data-testid={`review-tab-${t}`} onClick={() => setTab(t)} className={cx('rounded px-2', tab === t && 'bg-white font-medium dark:bg-slate-700')}>
                  {t === 'canvas' ? 'Diff' : 'Migration'}
                </button>
              ))}
            </div>
          </>
        )}
        <Button className="ml-auto" onClick={r.close} data-testid="review-close">
          Back to the design
        </Button>
      </div>
      <div className="relative min-h-0 flex-1">
        {review.kind === 'compare' && tab === 'migration' ? (
          <MigrationTab from={review.from} to={review.to} />
        ) : (
          <ReviewCanvas store={viewStore} diff={comparison?.view ?? null} colorMode={colorMode} viewKey={r.viewKey} />
        )}
      </div>
    </div>
  );
}
