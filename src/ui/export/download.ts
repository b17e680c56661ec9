import type { ExportFile } from '../../inspect/index.ts';

/** Saves a file the browser's way: a Blob behind a temporary link, clicked and then let go. */
export function download(file: ExportFile | { name: string; blob: Blob }): void {
  const blob = 'blob' in file ? file.blob : new Blob([file.text], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked a moment later: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
