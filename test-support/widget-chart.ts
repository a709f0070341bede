// A WidgetModel as an ECharts option, laid out like a CloudWatch widget image: the title at the top
// left, one line (or stacked area) per series in CloudWatch's palette, the legend below, a time axis
// in the widget's timezone, the y axes with their labels and bounds, annotations as lines.
import type { Line, Series, WidgetModel } from './widget-model.js'

type Option = Record<string, unknown>

/** CloudWatch's default series colours, in order. */
export const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf'
]

const TEXT = '#16191f'
const MUTED = '#5f6b7a'
const GRID = '#e9ebed'
const FONT = 'DejaVu Sans'

/** 1234 → 1.23k, as CloudWatch abbreviates axis values. */
export function shortNumber(value: number): string {
  const units: Array<[number, string]> = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k']
  ]
  for (const [size, suffix] of units) {
    if (Math.abs(value) >= size) return `${Number((value / size).toPrecision(3))}${suffix}`
  }
  return `${Number(value.toPrecision(3))}`
}

/** The dynamic labels CloudWatch fills in: ${LAST}, ${MAX}, ${MIN}, ${AVG}, ${SUM}. */
export function legendLabel(series: Series): string {
  const values = series.values
  const sum = values.reduce((a, b) => a + b, 0)
  const stats: Record<string, number> = {
    LAST: values.at(-1) ?? 0,
    MAX: Math.max(...values),
    MIN: Math.min(...values),
    AVG: sum / Math.max(values.length, 1),
    SUM: sum
  }
  return series.label.replace(/\$\{(LAST|MAX|MIN|AVG|SUM)\}/g, (_m, key: string) =>
    shortNumber(stats[key] ?? 0)
  )
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Axis label of a shifted time (already in the widget's timezone): HH:MM, or MM/DD at midnight. */
function timeLabel(value: number): string {
  const date = new Date(value)
  const hours = date.getUTCHours()
  const minutes = date.getUTCMinutes()
  if (hours === 0 && minutes === 0)
    return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`
  return `${pad(hours)}:${pad(minutes)}`
}

function yAxis(model: WidgetModel, side: 'left' | 'right'): Option {
  const axis = model.axes[side]
  return {
    type: 'value',
    position: side,
    name: axis.label ?? '',
    nameLocation: 'middle',
    nameGap: 42,
    nameTextStyle: { color: MUTED, fontSize: 11, fontFamily: FONT },
    min: axis.min,
    max: axis.max,
    scale: axis.min === undefined,
    splitNumber: 4,
    axisLabel: { color: MUTED, fontSize: 11, fontFamily: FONT, formatter: shortNumber },
    splitLine: { show: side === 'left', lineStyle: { color: GRID } },
    axisLine: { show: false },
    axisTick: { show: false }
  }
}

function markLines(model: WidgetModel, shift: number): Option | undefined {
  const line = (item: Line, axis: 'yAxis' | 'xAxis') => ({
    [axis]: axis === 'xAxis' ? Date.parse(String(item.value)) + shift : item.value,
    label: { formatter: item.label, color: item.color ?? MUTED, fontSize: 10, fontFamily: FONT },
    lineStyle: { color: item.color ?? '#d13212', type: 'dashed', width: 1 }
  })
  // Lines outside the graph's range are not drawn (CloudWatch leaves them out too).
  const first = (model.times[0] ?? 0) + shift
  const last = (model.times.at(-1) ?? 0) + shift
  const { min, max } = model.axes.left
  const data = [
    ...model.horizontal
      .filter(h => (min === undefined || +h.value >= min) && (max === undefined || +h.value <= max))
      .map(h => line(h, 'yAxis')),
    ...model.vertical
      .filter(v => Date.parse(String(v.value)) + shift >= first)
      .filter(v => Date.parse(String(v.value)) + shift <= last)
      .map(v => line(v, 'xAxis'))
  ]
  if (data.length === 0) return undefined
  return { symbol: 'none', silent: true, data, label: { position: 'insideEndTop' } }
}

function timeSeries(model: WidgetModel): Option[] {
  const shift = model.offsetMinutes * 60_000
  const lines = markLines(model, shift)
  return model.series.map((series, index) => ({
    type: 'line',
    name: legendLabel(series),
    yAxisIndex: series.axis === 'right' ? 1 : 0,
    data: series.values.map((value, i) => [(model.times[i] ?? 0) + shift, value]),
    color: series.color ?? PALETTE[index % PALETTE.length],
    showSymbol: false,
    lineStyle: { width: 1.5 },
    ...(model.stacked ? { stack: 'total', areaStyle: { opacity: 0.5 } } : {}),
    ...(index === 0 && lines ? { markLine: lines } : {})
  }))
}

function legend(model: WidgetModel, rows: number): Option {
  // Labels longer than the graph is wide are cut with an ellipsis, as CloudWatch does.
  const labelWidth = model.legend === 'right' ? 150 : model.width - 40
  return {
    show: model.legend !== 'hidden',
    type: 'plain',
    icon: 'rect',
    itemWidth: 10,
    itemHeight: 10,
    textStyle: {
      color: TEXT,
      fontSize: 11,
      fontFamily: FONT,
      width: labelWidth,
      overflow: 'truncate'
    },
    ...(model.legend === 'right'
      ? { orient: 'vertical', right: 8, top: 36 }
      : {
          orient: 'horizontal',
          left: 8,
          width: model.width - 16,
          top: model.height - 4 - rows * 18
        })
  }
}

function lastValues(model: WidgetModel): Array<{ name: string; value: number; color: string }> {
  return model.series.map((series, index) => ({
    name: legendLabel(series),
    value: series.values.at(-1) ?? 0,
    color: series.color ?? PALETTE[index % PALETTE.length] ?? TEXT
  }))
}

/** bar, pie, gauge and singleValue show each series' latest value. */
function latestView(model: WidgetModel): Option {
  const values = lastValues(model)
  const items = values.map(v => ({ name: v.name, value: v.value, itemStyle: { color: v.color } }))
  switch (model.view) {
    case 'pie':
      return {
        series: [{ type: 'pie', radius: ['0%', '60%'], data: items, label: { show: false } }]
      }
    case 'gauge': {
      const axis = model.axes.left
      return {
        series: [
          { type: 'gauge', min: axis.min ?? 0, max: axis.max ?? 100, data: items.slice(0, 1) }
        ]
      }
    }
    case 'singleValue':
      return {
        graphic: values.map((v, i) => ({
          type: 'group',
          left: `${(100 / values.length) * i + 3}%`,
          top: '35%',
          children: [
            { type: 'text', style: { text: v.name, fill: MUTED, fontSize: 12, fontFamily: FONT } },
            {
              type: 'text',
              top: 20,
              style: { text: shortNumber(v.value), fill: TEXT, fontSize: 30, fontFamily: FONT }
            }
          ]
        }))
      }
    default:
      return {
        xAxis: { type: 'category', data: items.map(i => i.name), axisLabel: { show: false } },
        yAxis: yAxis(model, 'left'),
        series: [{ type: 'bar', data: items }]
      }
  }
}

/** How many rows the bottom legend takes: its items (a swatch, the label) wrapped to the width. */
function legendRowCount(model: WidgetModel): number {
  let rows = 1
  let used = 0
  for (const series of model.series) {
    const text = Math.min(legendLabel(series).length * 11 * 0.62, model.width - 40)
    const item = 10 + 5 + text + 10
    if (used > 0 && used + item > model.width - 16) {
      rows += 1
      used = 0
    }
    used += item
  }
  return rows
}

export function chartOption(model: WidgetModel): Option {
  const legendRows = model.legend === 'bottom' ? legendRowCount(model) : 0
  const hasRight = model.series.some(s => s.axis === 'right')
  const base: Option = {
    animation: false,
    useUTC: true,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT },
    title: {
      text: model.title,
      left: 8,
      top: 6,
      textStyle: { color: TEXT, fontSize: 14, fontWeight: 'bold', fontFamily: FONT }
    },
    legend: legend(model, legendRows),
    grid: {
      left: model.axes.left.label ? 56 : 40,
      right: model.legend === 'right' ? 180 : hasRight ? 56 : 20,
      top: 40,
      bottom: model.legend === 'bottom' ? 28 + legendRows * 18 : 28
    }
  }
  if (model.view !== 'timeSeries') return { ...base, ...latestView(model) }
  return {
    ...base,
    xAxis: {
      type: 'time',
      min: (model.times[0] ?? 0) + model.offsetMinutes * 60_000,
      max: (model.times.at(-1) ?? 0) + model.offsetMinutes * 60_000,
      splitNumber: Math.max(2, Math.floor(model.width / 110)),
      axisLabel: {
        color: MUTED,
        fontSize: 11,
        fontFamily: FONT,
        formatter: timeLabel,
        hideOverlap: true
      },
      axisLine: { lineStyle: { color: '#8d99a8' } },
      splitLine: { show: false }
    },
    yAxis: hasRight ? [yAxis(model, 'left'), yAxis(model, 'right')] : [yAxis(model, 'left')],
    series: timeSeries(model)
  }
}
