/** The extensions each accepted type is saved under; the first is the one added when the name has none of them. */
const EXTENSIONS: Record<string, string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
};

/**
 * The name a document is saved under on the officer's computer: the applicant's name for it, ending
 * in the extension of what its content is. A PDF the applicant named "invoice.html" or "setup.exe"
 * is saved as "invoice.html.pdf", so the computer opens it as the PDF it was checked to be.
 */
export function downloadName(fileName: string, mimeType: string): string {
  const extensions = EXTENSIONS[mimeType] ?? [];
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension && extensions.includes(extension)) return fileName;
  return extensions[0] ? `${fileName}.${extensions[0]}` : fileName;
}
