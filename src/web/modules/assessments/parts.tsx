import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import type { Round, SheetDetail } from './api';

/** Points with two decimals, as the engine computes them. */
export const fmt = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));

const GRADE_COLOR: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

export function GradeTag({ grade }: { grade: { key: string; name: string } }) {
  return <Tag color={GRADE_COLOR[grade.key] ?? 'default'}>{grade.name}</Tag>;
}

const ROUND_COLOR: Record<string, string> = { draft: 'default', open: 'processing', published: 'success' };
export function RoundStateTag({ state }: { state: Round['state'] }) {
  const { t } = useI18n();
  return <Tag color={ROUND_COLOR[state]}>{t(`assessments.roundState.${state}`)}</Tag>;
}

const SHEET_COLOR: Record<string, string> = {
  self_assessment: 'default',
  review: 'orange',
  evaluation: 'purple',
  signed: 'success',
};
export function SheetStateTag({ state }: { state: SheetDetail['state'] }) {
  const { t } = useI18n();
  return <Tag color={SHEET_COLOR[state]}>{t(`assessments.sheetState.${state}`)}</Tag>;
}

/** Horizontal bars in plain CSS (no chart library on the page): one per row, scaled to `max`. */
export function Bars({
  rows,
  max,
  marks = [],
}: {
  rows: { label: string; value: number; color: string; note?: string }[];
  max: number;
  marks?: { value: number; label: string }[];
}) {
  return (
    <div data-testid="assessment-bars" style={{ display: 'grid', gap: 6 }}>
      {rows.map((r) => (
        <div
          key={r.label}
          style={{ display: 'grid', gridTemplateColumns: '120px 1fr 64px', gap: 8, alignItems: 'center' }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {r.label}
          </span>
          <div style={{ position: 'relative', background: '#f0f0f0', height: 18, borderRadius: 3 }}>
            <div
              style={{
                width: `${Math.max(0, Math.min(100, (r.value / max) * 100))}%`,
                background: r.color,
                height: '100%',
                borderRadius: 3,
              }}
              title={r.note}
            />
            {marks.map((m) => (
              <div
                key={m.value}
                title={m.label}
                style={{
                  position: 'absolute',
                  left: `${(m.value / max) * 100}%`,
                  top: -3,
                  bottom: -3,
                  borderLeft: '1px dashed #595959',
                }}
              />
            ))}
          </div>
          <span style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{fmt(r.value)}</span>
        </div>
      ))}
    </div>
  );
}

export const GRADE_BAR: Record<string, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  pass: '#d48806',
  fail: '#cf1322',
};

/**
 * Each area's share of its full score as a radar (SVG, no chart library): one spoke per top-level area, rings at
 * 25% steps; under three areas the radar degenerates, so it draws bars instead.
 */
export function AreaRadar({
  areas,
}: {
  areas: { code: string; name: string; ratio: number; score: number; full: number }[];
}) {
  if (areas.length < 3)
    return (
      <Bars
        rows={areas.map((a) => ({
          label: a.name,
          value: a.ratio * 100,
          color: '#1677ff',
          note: `${a.score}／${a.full}`,
        }))}
        max={100}
      />
    );
  const size = 320;
  const c = size / 2;
  const r = c - 70;
  const at = (i: number, k: number) => {
    const ang = -Math.PI / 2 + (2 * Math.PI * i) / areas.length;
    return [c + Math.cos(ang) * r * k, c + Math.sin(ang) * r * k] as const;
  };
  const ring = (k: number) => areas.map((_, i) => at(i, k).join(',')).join(' ');
  return (
    <svg
      viewBox={`0 0 ${size} ${size}`}
      width="100%"
      style={{ maxWidth: size }}
      role="img"
      aria-label={areas.map((a) => `${a.name} ${Math.round(a.ratio * 100)}%`).join('，')}
      data-testid="assessment-radar"
    >
      {[0.25, 0.5, 0.75, 1].map((k) => (
        <polygon key={k} points={ring(k)} fill="none" stroke="#d9d9d9" />
      ))}
      {areas.map((a, i) => {
        const [x, y] = at(i, 1);
        return <line key={a.code} x1={c} y1={c} x2={x} y2={y} stroke="#d9d9d9" />;
      })}
      <polygon
        points={areas.map((a, i) => at(i, Math.max(0, Math.min(1, a.ratio))).join(',')).join(' ')}
        fill="rgba(22,119,255,0.25)"
        stroke="#1677ff"
        strokeWidth={2}
      />
      {areas.map((a, i) => {
        const [x, y] = at(i, 1.18);
        return (
          <text
            key={a.code}
            x={x}
            y={y}
            fontSize={12}
            textAnchor="middle"
            dominantBaseline="middle"
            fill="#262626"
          >
            <tspan x={x}>{a.code}</tspan>
            <tspan x={x} dy={14}>
              {Math.round(a.ratio * 100)}%
            </tspan>
          </text>
        );
      })}
    </svg>
  );
}
