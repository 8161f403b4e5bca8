import { shipmentStatusLabels } from "../family/labels";
import type { ShipmentStatus } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { Moment } from "./Dates";
import { RecordedText } from "./RecordedText";

export interface TrackingEvent {
  status: ShipmentStatus;
  at: string;
  location: string | null;
  description: string | null;
}

interface TimelineProps {
  events: readonly TrackingEvent[];
  /** Newest first (the latest event is the one a family looks for); otherwise oldest first, as the API lists them. */
  newestFirst?: boolean;
  /** What is said when there is no event yet; without it, the list stays empty. */
  empty?: string;
  /** Each event's description on a line of its own, quieter (the operator's view); otherwise a paragraph. */
  quietDescriptions?: boolean;
}

/** A shipment's tracking events: status, when, where, and what the carrier said. */
export function Timeline({ events, newestFirst = false, empty, quietDescriptions = false }: TimelineProps) {
  const statuses = useWords(shipmentStatusLabels);
  if (events.length === 0 && empty !== undefined) return <p>{empty}</p>;
  // Newest first; events at the same instant keep the API's order, reversed (the later-listed happened later).
  const ordered = newestFirst ? [...events].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at)) : events;
  return (
    <ol class="timeline">
      {ordered.map((event, index) => (
        <li key={`${event.at}-${event.status}-${index}`}>
          <strong>{statuses[event.status]}</strong> · <Moment value={event.at} />
          {event.location && (
            <>
              {" · "}
              <RecordedText text={event.location} />
            </>
          )}
          {event.description &&
            (quietDescriptions ? (
              <>
                <br />
                <span class="muted">{event.description}</span>
              </>
            ) : (
              <p>{event.description}</p>
            ))}
        </li>
      ))}
    </ol>
  );
}
