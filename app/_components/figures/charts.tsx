import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";

// Charts drawn on the server as plain SVG (d3's scales and line generator are pure functions),
// so they need no JavaScript in the browser. Each is an image with a title and a description;
// the page puts the text summary and a table with the same figures beside it.

export type Point = { label: string; values: number[] };
export type SeriesStyle = { name: string; colour: string };

const WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 36, left: 44 };
const inner = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };

/** Colours with at least 3:1 contrast on white, told apart by the key as well as by colour. */
export const chartColours = { brand: "#1d4e89", green: "#0b6b3a", ink: "#0b0c0c" };

function yScale(points: Point[], from?: number) {
  const values = points.flatMap((p) => p.values);
  const max = Math.max(1, ...values);
  const min = from ?? 0;
  return scaleLinear().domain([min, max === min ? min + 1 : max]).nice(4).range([inner.height, 0]);
}

/** Every nth label on the x axis, so a year's 52 weeks stay readable. */
const labelEvery = (count: number) => Math.max(1, Math.ceil(count / 8));

function Frame({ id, title, description, children, y, series }: { id: string; title: string; description: string; children: React.ReactNode; y: ReturnType<typeof yScale>; series: SeriesStyle[] }) {
  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl" focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          {y.ticks(4).map((tick) => (
            <g key={tick} transform={`translate(0,${y(tick)})`}>
              <line x2={inner.width} stroke="#b1b4b6" strokeWidth={1} />
              <text x={-6} dy="0.32em" textAnchor="end" fontSize={12} fill="#484949">
                {tick.toLocaleString("en-GB")}
              </text>
            </g>
          ))}
          {children}
        </g>
      </svg>
      {series.length > 1 && (
        <ul className="flex flex-wrap gap-4 text-sm" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.name} className="inline-flex items-center gap-2">
              <svg width="16" height="16" aria-hidden="true">
                <rect width="16" height="16" fill={s.colour} fillOpacity={i === 0 ? 1 : 0.85} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function XLabels({ points, x }: { points: Point[]; x: (label: string) => number }) {
  const every = labelEvery(points.length);
  return (
    <g transform={`translate(0,${inner.height})`}>
      {points.map((p, i) =>
        i % every === 0 || i === points.length - 1 ? (
          <text key={p.label} x={x(p.label)} y={20} textAnchor="middle" fontSize={12} fill="#484949">
            {p.label}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Bars per week; with two series, side by side. */
export function BarChart({ id, title, description, points, series }: { id: string; title: string; description: string; points: Point[]; series: SeriesStyle[] }) {
  const x = scaleBand<string>().domain(points.map((p) => p.label)).range([0, inner.width]).padding(0.2);
  const y = yScale(points);
  const band = x.bandwidth() / series.length;
  return (
    <Frame id={id} title={title} description={description} y={y} series={series}>
      {points.map((p) =>
        p.values.map((value, s) => (
          <rect key={`${p.label}-${s}`} x={(x(p.label) ?? 0) + s * band} y={y(value)} width={Math.max(1, band - 1)} height={inner.height - y(value)} fill={series[s]!.colour} />
        )),
      )}
      <line y1={inner.height} y2={inner.height} x2={inner.width} stroke="#0b0c0c" />
      <XLabels points={points} x={(label) => (x(label) ?? 0) + x.bandwidth() / 2} />
    </Frame>
  );
}

/** A line through each week's value, with a dot on each. */
export function LineChart({ id, title, description, points, series }: { id: string; title: string; description: string; points: Point[]; series: SeriesStyle }) {
  const x = scaleBand<string>().domain(points.map((p) => p.label)).range([0, inner.width]).padding(0.2);
  const values = points.map((p) => p.values[0] ?? 0);
  const low = Math.min(...values);
  const y = yScale(points, low > 10 ? Math.floor(low * 0.9) : 0);
  const centre = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;
  const path = line<Point>()
    .x((p) => centre(p.label))
    .y((p) => y(p.values[0] ?? 0))(points);
  return (
    <Frame id={id} title={title} description={description} y={y} series={[series]}>
      <path d={path ?? ""} fill="none" stroke={series.colour} strokeWidth={3} />
      {points.map((p) => (
        <circle key={p.label} cx={centre(p.label)} cy={y(p.values[0] ?? 0)} r={points.length > 20 ? 2 : 4} fill={series.colour} />
      ))}
      <line y1={inner.height} y2={inner.height} x2={inner.width} stroke="#0b0c0c" />
      <XLabels points={points} x={centre} />
    </Frame>
  );
}
