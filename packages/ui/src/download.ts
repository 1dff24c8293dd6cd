/**
 * Saves a file the server answered (a report's CSV) under the name its
 * Content-Disposition gives, through a temporary link: the answer came by
 * fetch with the session, so a plain link could not fetch it.
 */
export async function saveDownload(res: Response, fallbackName: string): Promise<string> {
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
