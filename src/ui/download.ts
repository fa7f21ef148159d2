/** Saves text or a Blob as a file through the page's own download (no `downloads` permission needed). */
export function downloadFile(fileName: string, data: string | Blob, type: string): void {
  // A file made elsewhere (the export worker's) is handed on as it is when it has the type asked: no
  // second Blob over it for the page to register in the click's task.
  const url = URL.createObjectURL(data instanceof Blob && data.type === type ? data : new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
