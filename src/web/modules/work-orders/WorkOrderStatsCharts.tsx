import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../app/useEChart';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const colorOf = (v: number) =>
  v >= 0.9 ? '#389e0d' : v >= 0.8 ? '#1d5fbf' : v >= 0.6 ? '#fa8c16' : '#cf1322';

/** The composite score (percent) per unit; horizontal and sorted when there are many units (grids). */
export function CompositeChart({
  items,
  seriesName,
}: {
  items: { name: string; value: number | null }[];
  seriesName: string;
}) {
  const many = items.length > 16;
  const shown = useMemo(
    () => (many ? [...items].sort((x, y) => (x.value ?? -1) - (y.value ?? -1)) : items),
    [items, many],
  );
  const option = useMemo(() => {
    const categoryAxis = {
      type: 'category',
      data: shown.map((i) => i.name),
      axisLabel: many
        ? { interval: 0, fontSize: 11 }
        : { rotate: shown.length > 8 ? 40 : 0, interval: 0, fontSize: 11 },
    };
    const valueAxis = { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } };
    return {
      animation: false,
      grid: many
        ? { left: 8, right: 40, top: 8, bottom: 24, containLabel: true }
        : { left: 40, right: 16, top: 24, bottom: 72 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
      xAxis: many ? valueAxis : categoryAxis,
      yAxis: many ? categoryAxis : valueAxis,
      series: [
        {
          name: seriesName,
          type: 'bar',
          barMaxWidth: many ? 14 : 36,
          data: shown.map((i) =>
            i.value === null
              ? { value: null }
              : { value: Math.round(i.value * 1000) / 10, itemStyle: { color: colorOf(i.value) } },
          ),
          label: { show: true, position: many ? 'right' : 'top', fontSize: 10 },
        },
      ],
    };
  }, [shown, many, seriesName]);
  const el = useEChart(option);
  return (
    <div
      ref={el}
      style={{ width: '100%', height: many ? 40 + shown.length * 20 : 300 }}
      data-testid="wo-stats-composite-chart"
    />
  );
}

const LEVEL_COLORS = ['#389e0d', '#1d5fbf', '#fa8c16', '#cf1322'];

/** R-WO-5: where the closed orders were resolved. */
export function LevelsPie({ items }: { items: { name: string; value: number }[] }) {
  const option = useMemo(
    () => ({
      animation: false,
      color: LEVEL_COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          center: ['50%', '45%'],
          data: items,
          label: { formatter: '{b}\n{d}%', fontSize: 11 },
        },
      ],
    }),
    [items],
  );
  const el = useEChart(option);
  return <div ref={el} style={{ width: '100%', height: 260 }} />;
}
