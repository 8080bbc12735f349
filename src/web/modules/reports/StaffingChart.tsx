import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { StaffingRowDto as StaffingRowView } from '../../../shared/contracts/reports';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/** Workers per 10,000 residents per community, red below the floor, with the floor as a line. */
export default function StaffingChart({
  rows,
  floor,
  floorLabel,
  seriesName,
}: {
  rows: StaffingRowView[];
  floor: number;
  floorLabel: string;
  seriesName: string;
}) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 24, top: 28, bottom: 80 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.communityName),
        axisLabel: { rotate: rows.length > 8 ? 40 : 0, interval: 0, fontSize: 11 },
      },
      yAxis: { type: 'value', name: '', minInterval: 1 },
      series: [
        {
          name: seriesName,
          type: 'bar',
          barMaxWidth: 36,
          data: rows.map((r) => ({
            value: r.workersPer10k,
            itemStyle: { color: r.meetsStandard ? '#389e0d' : '#cf1322' },
          })),
          label: { show: rows.length <= 24, position: 'top', fontSize: 10 },
          markLine: {
            symbol: 'none',
            lineStyle: { color: '#fa8c16', type: 'dashed', width: 2 },
            label: { formatter: floorLabel, position: 'insideEndTop', color: '#d46b08' },
            data: [{ yAxis: floor }],
          },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    const observer = new ResizeObserver(resize);
    observer.observe(el.current);
    return () => {
      window.removeEventListener('resize', resize);
      observer.disconnect();
      chart.dispose();
    };
  }, [rows, floor, floorLabel, seriesName]);

  return <div ref={el} style={{ width: '100%', height: 340 }} data-testid="staffing-chart" />;
}
