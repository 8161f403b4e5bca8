import { useEffect, useMemo, useRef } from "preact/hooks";
import { useQuery } from "../api/useQuery";
import { kindLabels, statusLabels } from "../apply/labels";
import { DashboardDocument, type DashboardQuery } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { formatAmount, formatNumber, formatShortDay } from "../i18n/format";
import { useLanguage, type Language } from "../i18n/language";
import { announce } from "../ui/announcer";
import { ErrorSummary } from "../ui/ErrorSummary";
import { commonWords } from "../ui/words";
import { StatsChart } from "./Chart";
import { dashboardWords } from "./words";
import { ScreenHeading } from "../ui/ScreenHeading";
import { replaceRoute } from "../router";

const WINDOWS = [7, 30, 90] as const;
type WindowDays = (typeof WINDOWS)[number];

/** The window ending now, fixed when chosen (a new `to` on every render would read again and again). */
function windowOf(days: WindowDays): { from: string; to: string } {
  const to = new Date();
  return { from: new Date(to.getTime() - days * 86_400_000).toISOString(), to: to.toISOString() };
}

/** The window named in the address (`#/dashboard/90`), 30 days when it names none of the windows. */
function windowDaysOf(id: string | undefined): WindowDays {
  return WINDOWS.find((days) => String(days) === id) ?? 30;
}

/**
 * The analysts' dashboard: the three agencies' statistics as charts, each with its numbers beside
 * it. The window chosen is kept in the address: a reload or Back shows the same one.
 */
export function DashboardScreen({ id }: { id?: string }) {
  const words = useWords(dashboardWords);
  const common = useWords(commonWords);
  const language = useLanguage();
  const days = windowDaysOf(id);
  const variables = useMemo(() => windowOf(days), [days]);
  const { data, error, partialErrors, loading, reload } = useQuery(DashboardDocument, variables);
  // A window the analyst chose is said once its figures are on the screen (nothing moved visibly near the radio).
  const chosen = useRef(false);
  useEffect(() => {
    if (!chosen.current || loading) return;
    chosen.current = false;
    if (data) announce(words.windowShown(words.lastDays(formatNumber(days, language), days)));
  }, [data, loading]);
  return (
    <>
      <ScreenHeading>
        {words.title}
      </ScreenHeading>
      <p>{words.intro}</p>
      <fieldset class="window-picker">
        <legend>{words.window}</legend>
        {WINDOWS.map((option) => (
          <label key={option}>
            <input type="radio" name="window" value={option} checked={days === option} onChange={() => {
                chosen.current = true;
                replaceRoute("dashboard", String(option));
              }}
            /> {words.lastDays(formatNumber(option, language), option)}
          </label>
        ))}
      </fieldset>
      {loading && !data && <p role="status">{common.loading}</p>}
      <ErrorSummary error={error} onRetry={() => void reload()} />
      {partialErrors.length > 0 && <p class="notice">{common.partial}</p>}
      {data && <Statistics data={data} language={language} />}
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Statistics({ data, language }: { data: DashboardQuery; language: Language }) {
  const words = useWords(dashboardWords);
  const statuses = useWords(statusLabels);
  const kinds = useWords(kindLabels);
  const number = (value: number) => formatNumber(value, language);
  const hours = (value: number | null) => (value === null ? words.none : formatNumber(Math.round(value * 10) / 10, language));
  const applications = data.applicationStats;
  const delivery = data.deliveryStats;
  const days = (series: Array<{ day: string }>) => series.map((point) => formatShortDay(point.day, language));
  const officeName = (office: { nameAr: string; nameEn: string }) => (language === "en" ? office.nameEn : office.nameAr);
  const programName = (program: { nameAr: string; nameEn: string }) => (language === "en" ? program.nameEn : program.nameAr);
  return (
    <>
      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{words.applications}</h2>
        <dl class="figures">
          <Figure label={words.total} value={number(applications.total)} />
          <Figure label={words.medianHoursToIssue} value={hours(applications.medianHoursToIssue)} />
        </dl>
        <div class="charts">
          <StatsChart
            id="per-day"
            title={words.perDay}
            kind="line"
            labelHeading={words.day}
            labels={days(applications.submittedPerDay)}
            series={[
              { label: words.submitted, values: applications.submittedPerDay.map((point) => point.count) },
              { label: words.issued, values: applications.issuedPerDay.map((point) => point.count) },
            ]}
          />
          <StatsChart id="by-status" title={words.byStatus} kind="bar" labelHeading={words.byStatus} labels={applications.byStatus.map((entry) => statuses[entry.status])} series={[{ label: words.count, values: applications.byStatus.map((entry) => entry.count) }]} />
          <StatsChart id="by-kind" title={words.byKind} kind="bar" labelHeading={words.byKind} labels={applications.byKind.map((entry) => kinds[entry.kind])} series={[{ label: words.count, values: applications.byKind.map((entry) => entry.count) }]} />
        </div>
      </section>
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{words.deliveries}</h2>
        <dl class="figures">
          <Figure label={words.inTransit} value={number(delivery.inTransit)} />
          <Figure label={words.delivered} value={number(delivery.delivered)} />
          <Figure label={words.delayed} value={number(delivery.delayed)} />
          <Figure label={words.medianHoursToDeliver} value={hours(delivery.medianHoursToDeliver)} />
        </dl>
        <div class="charts">
          <StatsChart id="delivered-per-day" title={words.deliveredPerDay} kind="bar" labelHeading={words.day} labels={days(delivery.deliveredPerDay)} series={[{ label: words.delivered, values: delivery.deliveredPerDay.map((point) => point.count) }]} />
          <StatsChart
            id="pickups"
            title={words.pickupsPerOffice}
            kind="bar"
            labelHeading={words.office}
            labels={delivery.pickupsByOffice.map((entry) => officeName(entry.office))}
            series={[
              { label: words.waiting, values: delivery.pickupsByOffice.map((entry) => entry.waiting) },
              { label: words.collected, values: delivery.pickupsByOffice.map((entry) => entry.collected) },
            ]}
          />
        </div>
      </section>
      <section aria-labelledby="programs-title">
        <h2 id="programs-title">{words.programs}</h2>
        <div class="charts">
          <StatsChart
            id="programs"
            title={words.familiesPerProgram}
            kind="bar"
            labelHeading={words.program}
            labels={data.programStats.map((entry) => programName(entry.program))}
            series={[
              { label: words.eligible, values: data.programStats.map((entry) => entry.eligibleFamilies) },
              { label: words.enrolled, values: data.programStats.map((entry) => entry.enrolledFamilies) },
              { label: words.pending, values: data.programStats.map((entry) => entry.pendingEnrollments) },
            ]}
          />
        </div>
        <dl class="figures">
          {data.programStats.map((entry) => (
            <Figure key={entry.program.code} label={`${words.monthlyTotal}: ${programName(entry.program)}`} value={formatAmount(entry.monthlyTotal.halalas, language)} />
          ))}
        </dl>
      </section>
    </>
  );
}
