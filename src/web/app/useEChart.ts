import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * Draws `option` as an ECharts canvas chart in the div the returned ref is put on, resized with the div and
 * disposed when the option changes or the div goes. The caller registers its chart kinds with `echarts.use`.
 */
export function useEChart(option: echarts.EChartsCoreOption) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return el;
}
