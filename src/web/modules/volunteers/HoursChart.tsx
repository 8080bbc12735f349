import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useEChart } from '../../app/useEChart';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A simple bar chart: one value per category. */
export default function HoursChart({
  categories,
  values,
  name,
  color = '#1677ff',
  height = 300,
  testId,
}: {
  categories: string[];
  values: number[];
  name: string;
  color?: string;
  height?: number;
  testId?: string;
}) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 24, bottom: categories.length > 6 ? 70 : 36 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { rotate: categories.length > 6 ? 35 : 0, interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name,
          type: 'bar',
          barMaxWidth: 36,
          itemStyle: { color },
          data: values,
          label: { show: categories.length <= 16, position: 'top', fontSize: 10 },
        },
      ],
    }),
    [categories, values, name, color],
  );
  const el = useEChart(option);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
