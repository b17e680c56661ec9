/**
 * Copies text with the async Clipboard API. Resolves false when the page may not write the
 * clipboard (no permission, not focused, an insecure origin) so the caller can show the text in a
 * field to copy by hand instead; a browser that never settles the promise counts as a refusal.
 */
export async function copyText(text: string, timeoutMs = 1500): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clipboard?.writeText) return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  return Promise.race([clipboard.writeText(text).then(() => true, () => false), timeout]);
}

/** "8.4 KB" for a byte count, as the share warning shows it. */
export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}
