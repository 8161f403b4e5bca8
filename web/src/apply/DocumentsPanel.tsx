import { useRef, useState } from "preact/hooks";
import type { ApiError } from "../api/errors";
import { useApiError } from "../api/useApiError";
import type { ApplicationDetailsFragment, DocumentType } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Moment } from "../ui/Dates";
import { ErrorSummary } from "../ui/ErrorSummary";
import { AttachInput } from "./AttachInput";
import { violationsExactly } from "./errors";
import { formatSize } from "./files";
import { DOCUMENT_TYPES, documentLabels } from "./labels";
import { Field } from "../ui/Field";
import { applyWords } from "./words";
import { FieldErrors } from "../ui/FieldErrors";
import { RecordedText } from "../ui/RecordedText";

interface DocumentsPanelProps {
  application: ApplicationDetailsFragment;
  editable: boolean;
  /** The latest refusal of a submission: its `documents` violations are shown with what is missing. */
  refusal: ApiError | null;
  onAttached(): Promise<void>;
}

/** How many of each type the rules still ask for, in the order they first appear. */
function countMissing(missing: DocumentType[]): Array<[DocumentType, number]> {
  const counts = new Map<DocumentType, number>();
  for (const type of missing) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts];
}

/** What is attached, what the rules still require (live), and a file picker for each. */
export function DocumentsPanel({ application, editable, refusal, onAttached }: DocumentsPanelProps) {
  const words = useWords(applyWords);
  const labels = useWords(documentLabels);
  const language = useLanguage();
  const [error, setError] = useApiError();
  const [busy, setBusy] = useState(false);
  const [extraType, setExtraType] = useState<DocumentType>("OTHER");
  const heading = useRef<HTMLHeadingElement>(null);
  const missing = countMissing(application.missingDocuments);
  const refused = violationsExactly(refusal, "documents");

  const attached = async () => {
    await onAttached();
    // The picker just used may be gone (nothing missing of that type any more): start again at the heading.
    heading.current?.focus();
  };

  // A refused submission's missing documents are tied to the pickers of what is still missing.
  const refusedId = refused.length > 0 ? "documents-refused" : undefined;
  const picker = (type: DocumentType, hint: string, extra = false) => (
    <AttachInput key={extra ? "extra" : type} applicationId={application.id} type={type} extra={extra} hint={hint} related={missing.some(([needed]) => needed === type) ? refusedId : undefined} disabled={busy} attachedIds={application.documents.map((document) => document.id)} onBusy={setBusy} onAttached={() => void attached()} onError={setError} />
  );

  return (
    <>
      <h3 id="documents-title" tabIndex={-1} ref={heading}>
        {words.documentsTitle}
      </h3>
      <ErrorSummary error={error} />
      <h4>{words.attached}</h4>
      {application.documents.length === 0 ? (
        <p>{words.noneAttached}</p>
      ) : (
        <ul class="documents">
          {application.documents.map((document) => (
            <li key={document.id}>
              <strong>{labels[document.type]}</strong>: <RecordedText text={document.fileName} /> ({formatSize(document.sizeBytes, language, words)}) · <Moment value={document.uploadedAt} />
            </li>
          ))}
        </ul>
      )}
      <h4>{words.missing}</h4>
      {missing.length === 0 ? (
        <p class="ok">{words.nothingMissing}</p>
      ) : (
        <ul>
          {missing.map(([type, count]) => (
            <li key={type}>
              {labels[type]}
              {count > 1 && ` (${words.neededCount(formatNumber(count, language))})`}
            </li>
          ))}
        </ul>
      )}
      {refusedId && <FieldErrors id={refusedId} violations={refused} block />}
      {editable && (
        <>
          {missing.map(([type, count]) => picker(type, count > 1 ? `${words.neededCount(formatNumber(count, language))}. ${words.fileHint}` : words.fileHint))}
          {!missing.some(([type]) => type === "OTHER") && (
            <>
              <h4>{words.optionalTitle}</h4>
              {/* What an officer's correction notes ask for (a register copy, a loss report) is attached under its own type. */}
              <Field id="extra-document-type" label={words.extraDocumentType}>
                {(described) => (
                  <select {...described} class="narrow-select" value={extraType} onChange={(event) => setExtraType(event.currentTarget.value as DocumentType)}>
                    {DOCUMENT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {labels[type]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {picker(extraType, words.fileHint, true)}
            </>
          )}
        </>
      )}
    </>
  );
}
