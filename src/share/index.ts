/**
 * Sharing and keeping work: share links (`#v1.…`), what the address asks to open, Copy as Markdown,
 * and drafts and tutorial progress in an injected storage. No DOM: the page passes `location` parts
 * and `lazyStorage(() => window.localStorage)` in.
 *
 * @example
 * const { hash, payloadBytes, tooLong } = shareLink({ code, seed: 1 });
 * const opened = decodeShare(location.hash); // { ok: true, state } | { ok: false, reason, message }
 */
export { decodeShare, encodeShare, shareLink, SHARE_MAX_DECODED_BYTES, SHARE_PAYLOAD_WARN_BYTES, SHARE_VERSION } from './shareLink.ts';
export type { DecodeShareResult, ShareFailure } from './shareLink.ts';
export type { ShareState } from './shareState.ts';
export { toShareState } from './shareState.ts';
export { chapterHash, chapterLink, exampleSearch, parseLocation } from './locationTarget.ts';
export type { LocationTarget } from './locationTarget.ts';
export { shareMarkdown } from './shareMarkdown.ts';
export type { MarkdownShare } from './shareMarkdown.ts';
export { lazyStorage } from './safeStorage.ts';
export type { KeyValueStorage, StorageProblem, StorageStatus } from './safeStorage.ts';
export { createDraftStore, DRAFTS_BACKUP_KEY, DRAFTS_KEY, guessTitle } from './draftStore.ts';
export type { Draft, DraftInput, DraftOrigin, DraftStore, DraftStoreOptions } from './draftStore.ts';
export { createProgressStore, PROGRESS_KEY } from './progressStore.ts';
export type { Progress, ProgressStore } from './progressStore.ts';
