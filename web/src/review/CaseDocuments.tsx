import { useState } from "preact/hooks";
import { request } from "../api/client";
import { useApiError } from "../api/useApiError";
import { asApiError } from "../apply/errors";
import { formatSize } from "../apply/files";
import { documentLabels } from "../apply/labels";
import { ReviewDocumentContentDocument, type CaseDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { useLanguage } from "../i18n/language";
import { announce, clearAnnouncement } from "../ui/announcer";
import { Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { reviewWords } from "./words";
import { ScrollTable } from "../ui/ScrollTable";
import { downloadName } from "./downloadName";
import { RecordedText } from "../ui/RecordedText";

/** The bytes of a base64 text. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Hands the browser a file to save, under its name with the extension of its type, from memory (a Blob URL, released soon after). */
function saveFile(bytes: Uint8Array<ArrayBuffer>, mimeType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = downloadName(fileName, mimeType);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The application's documents: type, file, size, when uploaded, and a download of each (`documentContent`,
 * one per request, with the case's purpose) where the API lets the officer read it: once submitted,
 * and not his own or his family's application.
 */
export function CaseDocuments({ application, headers }: { application: CaseDetailsFragment; headers: Record<string, string> }) {
  const words = useWords(reviewWords);
  const labels = useWords(documentLabels);
  const language = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useApiError();
  const downloadable = Boolean(application.submittedAt) && application.viewerMayAct !== false;

  const download = async (id: string) => {
    if (busy) return;
    setBusy(id);
    setError(null);
    announce(words.downloading);
    try {
      const content = (await request(ReviewDocumentContentDocument, { id }, { headers })).documentContent;
      if (!content) throw asApiError(null);
      saveFile(bytesOf(content.contentBase64), content.mimeType, content.fileName);
      announce(words.downloaded(content.fileName));
    } catch (failure) {
      clearAnnouncement();
      setError(asApiError(failure));
    } finally {
      setBusy(null);
    }
  };

  if (application.documents.length === 0) return <p>{words.noDocuments}</p>;
  return (
    <>
      <ErrorSummary error={error} />
      <ScrollTable label={words.documentsTitle}>
        <thead>
          <tr>
            <th scope="col">{words.documentType}</th>
            <th scope="col">{words.fileName}</th>
            <th scope="col">{words.size}</th>
            <th scope="col">{words.uploadedAt}</th>
            {downloadable && <th scope="col">{words.download}</th>}
          </tr>
        </thead>
        <tbody>
          {application.documents.map((document) => (
            <tr key={document.id}>
              <td>{labels[document.type]}</td>
              <td>
                <RecordedText text={document.fileName} />
              </td>
              <td>{formatSize(document.sizeBytes, language, words)}</td>
              <td>
                <Moment value={document.uploadedAt} />
              </td>
              {downloadable && (
                <td>
                  {/* Not disabled while a download runs (download() ignores a second press): a disabled button drops the keyboard's focus. */}
                  <button
                    type="button"
                    aria-disabled={busy !== null ? "true" : undefined}
                    aria-busy={busy === document.id}
                    aria-label={words.downloadOf(labels[document.type], document.fileName)}
                    onClick={() => void download(document.id)}
                  >
                    {words.download}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}
