import type { ApplicationStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { statusLabels, statusTone } from "./labels";

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const labels = useWords(statusLabels);
  return <span class={statusTone(status)}>{labels[status]}</span>;
}
