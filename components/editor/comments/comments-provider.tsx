'use client';
/**
 * Gives the editor its review comments (comments-store.ts): one controller per editor, threads
 * loaded on mount. `access` is what GET /api/projects/:id says the requester may do; absent means
 * solo mode (full access). A share-link page passes its token.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from '../store/editor-store';
import { createCommentsApi } from './comments-api';
import { CommentsContext, createCommentsController } from './comments-store';

export interface CommentsAccessInput {
  capabilities?: { comment?: boolean };
  via?: string;
}

export function CommentsProvider({ editor, access, shareToken, children }: { editor: StoreApi<EditorState>; access?: CommentsAccessInput; shareToken?: string; children: ReactNode }) {
  const [controller] = useState(() =>
    createCommentsController(editor, createCommentsApi(editor.getState().projectId, { shareToken }), {
      // Read defensively: no access info at all is solo mode, where the one local user may do everything.
      canComment: access?.capabilities ? access.capabilities.comment === true : true,
      guest: access?.via === 'share',
    }),
  );
  useEffect(() => {
    void controller.load();
    return () => controller.dispose();
  }, [controller]);
  return <CommentsContext.Provider value={controller}>{children}</CommentsContext.Provider>;
}
