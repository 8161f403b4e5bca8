import { useState } from "preact/hooks";
import { request } from "../api/client";
import { ApiError, type Violation } from "../api/errors";
import { AttachDocumentDocument, type DocumentType } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { announce } from "../ui/announcer";
import { Field } from "../ui/Field";
import { asApiError } from "./errors";
import { ACCEPTED_TYPES, MAX_FILE_BYTES, readBase64 } from "./files";
import { attachLabels, documentLabels } from "./labels";
import { applyWords } from "./words";

/** What the API takes as "type not declared". */
const UNDECLARED_TYPE = "application/octet-stream";

interface AttachInputProps {
  applicationId: string;
  type: DocumentType;
  /** The picker of an additional document, whose type is chosen beside it: its own id and name. */
  extra?: boolean;
  hint: string;
  /** The id of a refused submission's problems about this document (shown above the pickers). */
  related?: string;
  /** Another upload is under way: one at a time (each moves the application's version on). */
  disabled: boolean;
  /** The documents already attached: the same file chosen again is one of them, and said so. */
  attachedIds: string[];
  onBusy(busy: boolean): void;
  onAttached(): void;
  onError(error: ApiError | null): void;
}

/** A file picker for one document type: read as base64 and attached as soon as it is chosen. */
export function AttachInput({ applicationId, type, extra = false, hint, related, disabled, attachedIds, onBusy, onAttached, onError }: AttachInputProps) {
  const words = useWords(applyWords);
  const labels = useWords(documentLabels);
  const attachLabel = useWords(attachLabels)[extra ? "OTHER" : type];
  const [problems, setProblems] = useState<Violation[]>([]);
  const [uploading, setUploading] = useState(false);
  // A new input after each try, so choosing the same file again fires again.
  const [generation, setGeneration] = useState(0);
  const id = extra ? "attach-extra" : `attach-${type}`;

  const focusPicker = () => requestAnimationFrame(() => document.getElementById(id)?.focus());

  /** A file refused before it is sent: said at once like the API's refusals (an alert), the picker marked and given the keyboard. */
  const refuse = (message: string) => {
    setProblems([{ field: "file", rule: "CLIENT", message }]);
    onError(new ApiError(message, "BAD_USER_INPUT"));
    focusPicker();
  };

  const attach = async (file: File) => {
    onError(null);
    setProblems([]);
    if (file.size > MAX_FILE_BYTES) return refuse(words.tooLarge(file.name));
    let contentBase64: string;
    try {
      contentBase64 = await readBase64(file);
    } catch {
      return refuse(words.unreadable);
    }
    setUploading(true);
    onBusy(true);
    try {
      // No declared type: a browser takes it from the file's name (a PNG saved as photo.jpg says
      // image/jpeg), and the API recognises the file by its content.
      const { attachDocument } = await request(AttachDocumentDocument, { input: { applicationId, type, fileName: file.name, mimeType: UNDECLARED_TYPE, contentBase64 } });
      announce(attachedIds.includes(attachDocument.id) ? words.attachedAlready(file.name) : words.attachedNow(labels[type]));
      onAttached();
    } catch (failure) {
      const error = asApiError(failure);
      setProblems(error.violations);
      onError(error);
      focusPicker();
    } finally {
      setUploading(false);
      onBusy(false);
      setGeneration((value) => value + 1);
    }
  };

  return (
    <Field id={id} label={attachLabel} hint={uploading ? words.uploading : hint} violations={problems} related={related}>
      {(described) => (
        <input
          {...described}
          key={generation}
          type="file"
          accept={ACCEPTED_TYPES}
          disabled={disabled}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void attach(file);
          }}
        />
      )}
    </Field>
  );
}
