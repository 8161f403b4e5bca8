import type { ApplicationDetailsFragment } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { Moment } from "../ui/Dates";
import { kindLabels } from "./labels";
import { StatusBadge } from "./StatusBadge";
import { applyWords } from "./words";

/** The applicant's earlier applications, newest first: kind, status, dates, and why one was refused. */
export function PastApplications({ applications }: { applications: ApplicationDetailsFragment[] }) {
  const words = useWords(applyWords);
  const kinds = useWords(kindLabels);
  return (
    <section class="card" aria-labelledby="past-applications-title">
      <h2 id="past-applications-title">{words.pastTitle}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{words.kind}</th>
              <th scope="col">{words.status}</th>
              <th scope="col">{words.createdAt}</th>
              <th scope="col">{words.lastChange}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((application) => (
              <tr key={application.id}>
                <td>{kinds[application.kind]}</td>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
