import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "preact/hooks";
import { useWords } from "../i18n/catalogue";
import { formatNumber } from "../i18n/format";
import { useLanguage } from "../i18n/language";
import { categoryTicks, countTicks } from "./axis";
import { dashboardWords } from "./words";

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: number[];
}

interface ChartProps {
  id: string;
  title: string;
  kind: "bar" | "line";
  /** The category of each value: days, statuses, offices, programs. */
  labels: string[];
  series: Series[];
  /** The table's first column heading. */
  labelHeading: string;
}

const COLORS = ["#006c35", "#b7791f", "#1a5fb4", "#a4161a"];

/**
 * One chart and, beside it, the same numbers as a table: what a screen reader reads and what the
 * tests compare with the stats queries. Right to left in Arabic: the first day on the right,
 * Arabic-Indic digits on the axes.
 */
export function StatsChart({ id, title, kind, labels, series, labelHeading }: ChartProps) {
  const words = useWords(dashboardWords);
  const language = useLanguage();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const rtl = language === "ar";
    const chart = new Chart(canvas.current, {
      type: kind,
      data: {
        labels,
        datasets: series.map((one, index) => ({ label: one.label, data: one.values, backgroundColor: COLORS[index % COLORS.length], borderColor: COLORS[index % COLORS.length] })),
      },
      options: {
        locale: rtl ? "ar-SA-u-nu-arab" : "en-GB",
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { rtl, display: series.length > 1 }, tooltip: { rtl } },
        // Room on the left, where the slanted labels hang past the last tick: the outermost day's label was cut on a phone.
        layout: { padding: { left: 32, right: 8 } },
        scales: { x: { reverse: rtl, ticks: categoryTicks(labels) }, y: { beginAtZero: true, position: rtl ? "right" : "left", ticks: countTicks(language) } },
      },
    });
    return () => chart.destroy();
  }, [kind, language, JSON.stringify(labels), JSON.stringify(series)]);
  return (
    <figure class="chart card" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <h3>{title}</h3>
      </figcaption>
      <div class="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      {/* Scrolls sideways when wider than the chart: a named region that a keyboard can reach and scroll. */}
      <div class="chart-numbers table-scroll" tabIndex={0} role="region" aria-label={words.numbers(title)}>
        <table id={`${id}-numbers`}>
          <caption class="visually-hidden">{words.numbers(title)}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              {series.map((one) => (
                <th scope="col" key={one.label}>
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((one) => (
                  <td key={one.label} data-value={one.values[row]}>
                    {formatNumber(one.values[row] ?? 0, language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
