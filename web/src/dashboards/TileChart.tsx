import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

import type { Criterion, Language } from '../api/types';
import { formatValue } from './tileFormat';

// Only the chart types and parts the tiles draw, so the dashboard chunk stays small.
echarts.use([BarChart, PieChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartKind = 'pie' | 'bar' | 'column' | 'line' | 'funnel';

/** One bar, slice, point or step; a null criteria means the element cannot be opened. */
export interface ChartPoint {
  label: string;
  value: number | null;
  /** Text shown for the value, formatted in the user's language. */
  valueText: string;
  colour: string | null;
  criteria: Criterion[][] | null;
  /** Extra text of a funnel step, such as the conversion from the step before. */
  note?: string;
}

interface TileChartProps {
  kind: ChartKind;
  points: ChartPoint[];
  /** Language of the numbers on the value axis. */
  language: Language;
  onOpen: (criteria: Criterion[][]) => void;
  /** Receives the chart, so the tile can export it as a picture; null when it is gone. */
  onChart: (chart: echarts.ECharts | null) => void;
}

const TEXT = '#1b2230';
const MUTED = '#5f6b7a';
const GRID_LINE = '#eef0f3';
const PRIMARY = '#2563eb';

/** Draws a tile's chart on a canvas; clicking an element opens the records it counted. */
export function TileChart({ kind, points, language, onOpen, onChart }: TileChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const container = element.current;
    if (container === null) return;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    onChart(chart);
    chart.on('click', (params) => {
      const point = pointsRef.current[params.dataIndex];
      if (point?.criteria) openRef.current(point.criteria);
    });
    const observer = new ResizeObserver(() => {
      chart.resize();
      setWidth(container.clientWidth);
    });
    observer.observe(container);
    return () => {
      observer.disconnect();
      onChart(null);
      chart.dispose();
      chartRef.current = null;
    };
  }, [onChart]);

  useEffect(() => {
    if (width === 0) return;
    chartRef.current?.setOption(chartOption(kind, points, width, language), { notMerge: true });
  }, [kind, points, width, language]);

  return <div ref={element} className="tile-chart" aria-hidden="true" />;
}

/** Room under one column below which column labels are turned, so long names do not run together. */
const MIN_COLUMN_LABEL_WIDTH = 84;

/** Characters of a pie legend's name before it is cut off, so that its number always shows. */
const LEGEND_NAME_LENGTH = 26;

/** Shortens a text to at most `length` characters, ending in an ellipsis when it was cut. */
function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

function chartOption(kind: ChartKind, points: ChartPoint[], width: number, language: Language): echarts.EChartsCoreOption {
  const base = {
    // People who ask their system for less motion get charts without the grow-in animation.
    animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    animationDuration: 300,
    textStyle: { fontFamily: 'Inter, system-ui, sans-serif', color: TEXT },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: { dataIndex: number }) => {
        const point = points[params.dataIndex];
        return point === undefined ? '' : `${escapeHtml(point.label)}: <b>${escapeHtml(point.valueText)}</b>`;
      },
    },
  };
  const cursor = (point: ChartPoint) => (point.criteria === null ? 'default' : 'pointer');

  if (kind === 'pie') {
    return {
      ...base,
      legend: {
        type: 'scroll',
        orient: 'vertical',
        bottom: 0,
        left: 'center',
        icon: 'circle',
        itemWidth: 9,
        itemHeight: 9,
        itemGap: 6,
        height: 84,
        pageIconSize: 10,
        formatter: (name: string) => {
          const point = points.find((item) => item.label === name);
          const label = shorten(name, LEGEND_NAME_LENGTH);
          return point === undefined ? label : `${label}  {value|${point.valueText}}`;
        },
        textStyle: {
          color: MUTED,
          fontSize: 12,
          rich: { value: { color: TEXT, fontWeight: 700, fontSize: 12 } },
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['46%', '74%'],
          center: ['50%', '50%'],
          bottom: 92,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: false },
          data: points.map((point) => ({
            name: point.label,
            value: point.value ?? 0,
            cursor: cursor(point),
            itemStyle: point.colour === null ? {} : { color: point.colour },
          })),
        },
      ],
    };
  }

  if (kind === 'funnel') {
    return {
      ...base,
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '4%',
          right: '4%',
          top: 8,
          bottom: 8,
          minSize: '46%',
          gap: 3,
          itemStyle: { borderWidth: 0 },
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            fontSize: 12,
            lineHeight: 16,
            textBorderWidth: 0,
            textShadowBlur: 0,
            formatter: (params: { dataIndex: number }) => {
              const point = points[params.dataIndex];
              if (point === undefined) return '';
              return `{name|${point.label}}  {value|${point.valueText}}${point.note ? `\n{note|${point.note}}` : ''}`;
            },
            rich: {
              name: { color: '#fff', fontSize: 12, textBorderWidth: 0 },
              value: { color: '#fff', fontSize: 13, fontWeight: 700, textBorderWidth: 0 },
              note: { color: 'rgba(255,255,255,0.9)', fontSize: 11, textBorderWidth: 0 },
            },
          },
          data: points.map((point) => ({
            name: point.label,
            value: point.value ?? 0,
            cursor: cursor(point),
            itemStyle: { color: point.colour ?? PRIMARY },
          })),
        },
      ],
    };
  }

  const categories = points.map((point) => point.label);
  const slot = (width * 0.9) / Math.max(points.length, 1);
  const turned = kind === 'column' && slot < MIN_COLUMN_LABEL_WIDTH;
  let labelWidth = slot - 6;
  if (kind === 'bar') labelWidth = 120;
  else if (turned) labelWidth = 96;
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    splitLine: { lineStyle: { color: GRID_LINE } },
    axisLabel: { color: MUTED, fontSize: 11, formatter: (value: number) => formatValue(value, language) },
  };
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisTick: { show: false },
    axisLine: { lineStyle: { color: '#cfd4dc' } },
    axisLabel: {
      color: MUTED,
      fontSize: 11,
      lineHeight: 13,
      interval: 0,
      overflow: 'truncate',
      width: labelWidth,
      rotate: turned ? 30 : 0,
    },
  };
  const valueLabel = {
    show: true,
    formatter: (params: { dataIndex: number }) => points[params.dataIndex]?.valueText ?? '',
    color: TEXT,
    fontSize: 11,
    fontWeight: 600,
  };

  if (kind === 'line') {
    return {
      ...base,
      tooltip: { ...base.tooltip, trigger: 'item' },
      grid: { left: 8, right: 28, top: 16, bottom: 4, containLabel: true },
      // Dates are short, so they show whole and the chart leaves out those that would overlap.
      xAxis: { ...categoryAxis, boundaryGap: false, axisLabel: { ...categoryAxis.axisLabel, interval: 'auto', hideOverlap: true, overflow: 'none', width: undefined } },
      yAxis: valueAxis,
      series: [
        {
          type: 'line',
          smooth: 0.25,
          symbolSize: 7,
          lineStyle: { width: 2.5, color: PRIMARY },
          itemStyle: { color: PRIMARY },
          areaStyle: { color: 'rgba(37, 99, 235, 0.08)' },
          data: points.map((point) => ({ value: point.value, cursor: cursor(point) })),
        },
      ],
    };
  }

  const horizontal = kind === 'bar';
  return {
    ...base,
    grid: { left: 14, right: horizontal ? 36 : 8, top: horizontal ? 4 : 20, bottom: 4, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        barMaxWidth: horizontal ? 22 : 44,
        label: { ...valueLabel, position: horizontal ? 'right' : 'top' },
        itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
        data: points.map((point) => ({
          value: point.value,
          cursor: cursor(point),
          itemStyle: { color: point.colour ?? PRIMARY },
        })),
      },
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
