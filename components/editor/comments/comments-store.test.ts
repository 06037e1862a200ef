import { describe, expect, it } from 'vitest';
import { shop, thread } from '@/lib/comments/fixture.test-support';
import type { CommentAnchor } from '@/lib/comments/anchor';
import type { CommentThreadInfo } from '@/lib/comments/types';
import { createEditorStore, type Selection } from '../store/editor-store';
import { CommentsApiError, type CommentsApi } from './comments-api';
import { createCommentsController } from './comments-store';
import { anchorForSelection, selectionForAnchor } from './selection-anchor';

const col: CommentAnchor = { kind: 'column', tableId: 'tbl_orders', columnId: 'col_customer', label: 'orders.customer_id' };

/** An API over an in-memory list; `refuse` makes every write fail with that status. */
function fakeApi(initial: CommentThreadInfo[]) {
  const threads = [...initial];
  let n = 0;
  const state = { refuse: 0 };
  const write = (t: CommentThreadInfo) => {
    if (state.refuse) return Promise.reject(new CommentsApiError('no', state.refuse));
    const at = threads.findIndex((x) => x.id === t.id);
    if (at < 0) threads.push(t);
    else threads[at] = t;
    return Promise.resolve(t);
  };
  const api: CommentsApi = {
    list: async () => [...threads],
    start: (anchor, body) => write(thread(anchor, [body], { id: `t_new_${++n}` })),
    reply: (id, body) => write({ ...threads.find((t) => t.id === id)!, comments: [...threads.find((t) => t.id === id)!.comments, thread(col, [body]).comments[0]] }),
    setResolved: (id, resolved) => write({ ...threads.find((t) => t.id === id)!, resolved }),
  };
  return { api, state };
}

describe('the comments store', () => {
  it('loads threads, counts open ones per table, and keeps the count map while the counts stay the same', async () => {
    const editor = createEditorStore({ projectId: 'p', name: 'shop', version: 1, doc: shop() });
    const { api } = fakeApi([thread(col, ['a'], { id: 't1' }), thread({ kind: 'relationship', relationshipId: 'rel_oc', label: 'r' }, ['b'], { id: 't2' })]);
    const c = createCommentsController(editor, api, { canComment: true, guest: false });
    await c.load();
    expect(c.store.getState().status).toBe('ready');
    expect(c.store.getState().tableCounts.get('tbl_orders')).toBe(2);

    const before = c.store.getState().tableCounts;
    const t3 = await c.start({ kind: 'section', slug: 'security', label: 'Security' }, 'sec');
    expect(c.store.getState().tableCounts).toBe(before);
    expect(c.store.getState().sectionCounts.get('security')).toBe(1);

    await c.setResolved('t1', true);
    expect(c.store.getState().tableCounts.get('tbl_orders')).toBe(1);
    await c.reply(t3.id, 'more');
    expect(c.store.getState().threads.find((t) => t.id === t3.id)?.comments).toHaveLength(2);

    // The relationship's thread follows its table: gone with the relationship.
    expect(editor.getState().dispatch({ type: 'relationship.remove', relationshipId: 'rel_oc' })).not.toHaveProperty('error');
    expect(c.store.getState().tableCounts.get('tbl_orders')).toBeUndefined();
    c.dispose();
  });

  it('turns read-only when the server refuses a write with 403', async () => {
    const editor = createEditorStore({ projectId: 'p', name: 'shop', version: 1, doc: shop() });
    const { api, state } = fakeApi([]);
    const c = createCommentsController(editor, api, { canComment: true, guest: false });
    await c.load();
    state.refuse = 403;
    await expect(c.start(col, 'x')).rejects.toThrow('no');
    expect(c.store.getState().access.canComment).toBe(false);
    c.dispose();
  });

  it('maps the selection to an anchor and back', () => {
    expect(anchorForSelection({ kind: 'tables', tableIds: ['a', 'b'] })).toBeUndefined();
    expect(anchorForSelection({ kind: 'note', noteId: 'n' })).toBeUndefined();
    const selections: Selection[] = [{ kind: 'tables', tableIds: ['a'] }, { kind: 'column', tableId: 'a', columnId: 'c' }, { kind: 'relationship', relationshipId: 'r' }, { kind: 'index', tableId: 'a', indexId: 'i' }];
    for (const s of selections) {
      expect(selectionForAnchor(anchorForSelection(s)!)).toEqual(s);
    }
  });
});
