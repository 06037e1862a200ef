'use client';
/**
 * Markers in the design-document preview: after each template heading with open threads, a small
 * button with the count that opens the Comments panel at that section. The preview's HTML is set by
 * MarkdownPreview; this decorates it (and re-decorates when the counts change). The markers are
 * built with createElement and textContent: no markup is parsed.
 */
import { useCallback } from 'react';
import { sectionOfHeading } from '@/lib/comments/sections';
import { commentIconElement } from './comment-icon';
import { useComments, useCommentsController } from './comments-store';

const MARKER_ATTR = 'data-comment-marker';

export function useSectionCommentMarkers(): ((root: HTMLElement) => void) | undefined {
  const counts = useComments((s) => s.sectionCounts);
  const controller = useCommentsController();
  const decorate = useCallback(
    (root: HTMLElement) => {
      for (const old of root.querySelectorAll(`[${MARKER_ATTR}]`)) old.remove();
      if (!controller || counts.size === 0) return;
      for (const h of root.querySelectorAll<HTMLElement>('h2, h3, h4')) {
        const section = sectionOfHeading(h.textContent ?? '');
        const count = section && counts.get(section.slug);
        if (!section || !count) continue;
        const marker = document.createElement('button');
        marker.type = 'button';
        marker.setAttribute(MARKER_ATTR, '');
        marker.className = 'db-comment-marker db-comment-section-marker';
        marker.dataset.testid = 'section-comment-marker';
        marker.dataset.slug = section.slug;
        marker.dataset.count = String(count);
        marker.title = `${count} open comment ${count === 1 ? 'thread' : 'threads'} on ${section.title}`;
        marker.append(commentIconElement(), ` ${count}`);
        marker.addEventListener('click', () => controller.focus(`section:${section.slug}`));
        h.append(marker);
      }
    },
    [counts, controller],
  );
  return controller ? decorate : undefined;
}
