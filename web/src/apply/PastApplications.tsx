import { useState } from "preact/hooks";
import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatDateTime } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { Moment } from "../ui/Dates";
import { History } from "../ui/History";
import { kindLabels } from "./labels";
import { StatusBadge } from "./StatusBadge";
import { applyWords } from "./words";
import { ScrollTable } from "../ui/ScrollTable";

/**
 * The applicant's earlier applications, newest first: kind, status, dates; each opens (a button
 * named by its kind and date) on its status history, the reason it was refused and the officer's
 * correction notes.
 */
export function PastApplications({ applications, applicantId }: { applications: ApplicationDetailsFragment[]; applicantId: string | null }) {
  const words = useWords(applyWords);
  const kinds = useWords(kindLabels);
  const language = useLanguage();
  const [opened, setOpened] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpened((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <section class="card" aria-labelledby="past-applications-title">
      <h2 id="past-applications-title">{words.pastTitle}</h2>
      <ScrollTable label={words.pastTitle}>
        <thead>
          <tr>
            <th scope="col">{words.kind}</th>
            <th scope="col">{words.status}</th>
            <th scope="col">{words.createdAt}</th>
            <th scope="col">{words.lastChange}</th>
          </tr>
        </thead>
        <tbody>
          {applications.flatMap((application) => {
            const isOpen = opened.has(application.id);
            const detailsId = `past-${application.id}`;
            const rows = [
              <tr key={application.id}>
                <td>
                  <button type="button" class="link-button" aria-expanded={isOpen} aria-controls={isOpen ? detailsId : undefined} onClick={() => toggle(application.id)}>
                    {words.pastOpen(kinds[application.kind], formatDateTime(application.createdAt, language))}
                  </button>
                </td>
                <td>
                  <StatusBadge status={application.status} />
                  {application.rejectionReason && (
                    <>
                      <br />
                      {words.rejectionReason}: {application.rejectionReason}
                    </>
                  )}
                </td>
                <td>
                  <Moment value={application.createdAt} />
                </td>
                <td>
                  <Moment value={application.history.at(-1)?.at ?? application.createdAt} />
                </td>
              </tr>,
            ];
            if (isOpen) {
              rows.push(
                <tr key={`${application.id}-details`} class="past-details">
                  <td colSpan={4}>
                    <section id={detailsId} aria-label={words.pastDetails(kinds[application.kind], formatDateTime(application.createdAt, language))}>
                      {application.rejectionReason && (
                        <p>
                          <strong>{words.rejectionReason}</strong>: {application.rejectionReason}
                        </p>
                      )}
                      {application.correctionNotes && (
                        <p>
                          <strong>{words.correctionNotes}</strong>: {application.correctionNotes}
                        </p>
                      )}
                      <h3>{words.historyTitle}</h3>
                      <History history={application.history} words={words} viewerId={applicantId} />
                    </section>
                  </td>
                </tr>,
              );
            }
            return rows;
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}
