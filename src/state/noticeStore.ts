/**
 * Messages about the page itself rather than a run: a link that could not be opened, work that
 * could not be saved, a draft that was set aside. One slot per topic, so a repeated problem updates
 * its message instead of stacking up.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export type NoticeTopic = 'link' | 'storage' | 'progress' | 'share' | 'update';

export interface PageNotice {
  topic: NoticeTopic;
  tone: 'info' | 'error';
  message: string;
  /** An earlier draft the notice offers to bring back. */
  restoreDraft?: string;
  /** Offers to reload into a new version of the app that is ready. */
  offersUpdate?: boolean;
}

export interface NoticeState {
  notices: PageNotice[];
}

export type NoticeStore = StoreApi<NoticeState>;

export function createNoticeStore(): NoticeStore {
  return createStore<NoticeState>(() => ({ notices: [] }));
}

export function showNotice(store: NoticeStore, notice: PageNotice): void {
  const others = store.getState().notices.filter((n) => n.topic !== notice.topic);
  store.setState({ notices: [...others, notice] });
}

export function dismissNotice(store: NoticeStore, topic: NoticeTopic): void {
  const { notices } = store.getState();
  if (notices.some((n) => n.topic === topic)) store.setState({ notices: notices.filter((n) => n.topic !== topic) });
}
