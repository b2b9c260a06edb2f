// Copy and download helpers for the report package. Downloads use a Blob URL that is revoked after
// the browser has taken it, so nothing lingers in memory and no network request is made.

export function downloadText(parent: ParentNode & Node, fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  parent.appendChild(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in some browsers; a short delay is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Clipboard API first; the selection fallback covers pages where the API is blocked. */
export async function copyText(text: string, fallbackField?: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackField) return false;
    fallbackField.focus();
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
